"""The ASGI application (Starlette): the checker's pages and the JSON API.

Every request is answered in memory; the only file ever written is an accepted plan submitted to
the store folder (``--store``). Work on a submission runs in a worker thread under a time limit;
a request over the size limit is refused before its body is read.
"""

import datetime as dt
import functools
import json
import os
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from .._json import canonical_json
from .._schema import SCHEMA_NAMES, schema
from .._version import __version__
from ..catalogue import Catalogue, given_or_shipped
from ..convert import dumps, to_dict
from ..errors import OutputError, UnknownAgency
from ..model import ActionPlan, to_date
from ..render import render_html, render_summary_html, site_pages
from ..tables import write_template
from ..validation import DEFAULT_MAX_BYTES, PLACEHOLDER, RULES, Rule
from ._http import (
    FORM_OVERHEAD,
    BodyLimit,
    SecurityHeaders,
    TooLarge,
    content_security_policy,
    parse_form as _parse_form,
)
from ._openapi import ENDPOINTS, openapi
from ._pages import page
from ._store import Store
from ._work import (
    Checked,
    Refused,
    check_submission,
    convert_plan,
    json_plan,
    kind_of,
    plan_from_canonical,
)

__all__ = ["DEFAULT_TIMEOUT", "DEFAULT_WORKERS", "create_app"]

DEFAULT_TIMEOUT = 30.0
"""Seconds a request's work may take before it is answered 503."""
DEFAULT_WORKERS = 4
"""Submissions worked on at once; more wait their turn."""

_T = TypeVar("_T")
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PROBLEM = "application/problem+json"


def create_app(
    *,
    store: str | os.PathLike[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    catalogue: Catalogue | None = None,
) -> Callable[..., Any]:
    """The checker as an ASGI application, to run with uvicorn or to mount in another service.

    ``store``: a folder where accepted submissions are kept (created if missing); without it
    nothing is kept. ``max_bytes``: the largest file accepted (the command line's default).
    ``timeout``: seconds one request's work may take. ``workers``: submissions checked at once.
    """
    if max_bytes < 1 or timeout <= 0 or workers < 1:
        raise ValueError("max_bytes, timeout and workers must be positive")
    checker = _Checker(
        catalogue=given_or_shipped(catalogue),
        store=Store(store) if store is not None else None,
        max_bytes=max_bytes,
        timeout=timeout,
        workers=workers,
    )
    app = Starlette(
        routes=checker.routes(),
        exception_handlers={
            TooLarge: checker.too_large,
            HTTPException: checker.http_error,
            Exception: checker.bug,
        },
    )
    return SecurityHeaders(BodyLimit(app, max_bytes + FORM_OVERHEAD))


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def html(text: str, status: int = 200) -> HTMLResponse:
    """A page, with a content security policy allowing its own style element alone."""
    return HTMLResponse(
        text, status_code=status, headers={"content-security-policy": content_security_policy(text)}
    )


def problem(status: int, title: str, detail: str, **more: Any) -> JSONResponse:
    """An RFC 9457 problem detail."""
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, **more}
    return JSONResponse(body, status_code=status, media_type=_PROBLEM)


def _attachment(data: bytes, media_type: str, filename: str) -> Response:
    return Response(
        data,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


class _Checker:
    def __init__(
        self,
        *,
        catalogue: Catalogue,
        store: Store | None,
        max_bytes: int,
        timeout: float,
        workers: int,
    ) -> None:
        self.catalogue = catalogue
        self.store = store
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.limiter = anyio.CapacityLimiter(workers)
        self._site: dict[str, str] | None = None
        self.responders = sorted(catalogue.responders, key=lambda r: (r.kind != "force", r.name))

    def routes(self) -> list[Route]:
        return [
            Route("/", self.home, methods=["GET"]),
            Route("/favicon.ico", self.no_icon, methods=["GET"]),
            Route("/check", self.check, methods=["POST"]),
            Route("/preview", self.preview, methods=["POST"]),
            Route("/download/{kind}", self.download, methods=["POST"]),
            Route("/submit", self.submit, methods=["POST"]),
            Route("/template", self.template_page, methods=["GET"]),
            Route("/template/download", self.template_download, methods=["GET"]),
            Route("/catalogue", self.catalogue_home, methods=["GET"]),
            Route("/catalogue/{name}", self.catalogue_page, methods=["GET"]),
            Route("/rules", self.rules, methods=["GET"]),
            Route("/rules/{code}", self.rule, methods=["GET"]),
            Route("/roll-up", self.roll_up, methods=["GET"]),
            Route("/api", self.api_page, methods=["GET"]),
            Route("/api/openapi.json", self.api_openapi, methods=["GET"]),
            Route("/api/validate", self.api_validate, methods=["POST"]),
            Route("/api/convert", self.api_convert, methods=["POST"]),
            Route("/api/catalogue", self.api_catalogue, methods=["GET"]),
            Route("/api/rules", self.api_rules, methods=["GET"]),
            Route("/api/schemas", self.api_schemas, methods=["GET"]),
            Route("/api/schemas/{name}", self.api_schema, methods=["GET"]),
            Route("/api/template/{file}", self.api_template, methods=["GET"]),
        ]

    # -- shared ---------------------------------------------------------------------------------

    def page(self, template: str, title: str, status: int = 200, **context: Any) -> HTMLResponse:
        return html(page(template, title, roll_up=self.store is not None, **context), status=status)

    def refused(self, request: Request, refusal: Refused) -> Response:
        if _is_api(request):
            more: dict[str, Any] = {}
            if refusal.problems:
                more["problems"] = [shown.to_dict() for shown in refusal.problems]
            return problem(refusal.status, refusal.title, refusal.detail, **more)
        return self.page(
            "problem.html.j2",
            refusal.title,
            status=refusal.status,
            detail=refusal.detail,
            problems=refusal.problems,
        )

    async def work(self, function: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        """Run ``function`` in a worker thread, answered 503 when it passes the time limit (the
        thread is left to finish: every input is bounded, so its work is)."""
        call = functools.partial(function, *args, **kwargs)
        try:
            with anyio.fail_after(self.timeout):
                return await anyio.to_thread.run_sync(
                    call, limiter=self.limiter, abandon_on_cancel=True
                )
        except TimeoutError:
            raise Refused(
                503,
                "Took too long",
                f"checking this took longer than the time limit ({self.timeout:g} seconds); "
                "try again, or check the file with the superplan command",
            ) from None

    async def form(self, request: Request) -> Any:
        body = await request.body()
        return _parse_form(request.headers.get("content-type", ""), body)

    async def too_large(self, request: Request, error: Exception) -> Response:
        limit = error.limit if isinstance(error, TooLarge) else self.max_bytes
        refusal = Refused(
            413,
            "Too large",
            f"the request is larger than the limit ({limit} bytes, the file limit of "
            f"{self.max_bytes} bytes and room for the form); a plan is far smaller",
        )
        return self.refused(request, refusal)

    async def http_error(self, request: Request, error: Exception) -> Response:
        status = error.status_code if isinstance(error, HTTPException) else 500
        titles = {404: "Not found", 405: "Method not allowed"}
        title = titles.get(status, "Request refused")
        detail = {
            404: f"there is nothing at {request.url.path}",
            405: f"{request.method} is not allowed at {request.url.path}",
        }.get(status, str(getattr(error, "detail", "")))
        response = self.refused(request, Refused(status, title, detail))
        if status == 405 and isinstance(error, HTTPException) and error.headers:
            response.headers.update(error.headers)
        return response

    async def bug(self, request: Request, error: Exception) -> Response:
        if isinstance(error, Refused):
            return self.refused(request, error)
        detail = (
            f"a bug in superplan {__version__} stopped this request ({type(error).__name__}); "
            "nothing was kept. Please report it with the file that caused it."
        )
        return self.refused(request, Refused(500, "Internal error", detail))

    # -- pages ----------------------------------------------------------------------------------

    async def no_icon(self, request: Request) -> Response:
        return Response(status_code=204)  # no icon; said so, rather than a 404 in the console

    async def home(self, request: Request) -> Response:
        return self.upload_page()

    def upload_page(self, error: Refused | None = None) -> HTMLResponse:
        return self.page(
            "upload.html.j2",
            "Check an action plan",
            status=error.status if error else 200,
            error=error,
            responders=self.responders,
            limit=_size(self.max_bytes),
            store=self.store is not None,
        )

    async def check(self, request: Request) -> Response:
        try:
            form = await self.form(request)
            upload = form.files.get("file")
            responder = form.get("responder").strip()
            if upload is not None and upload.data:
                name, data = upload.name or "upload", upload.data
                kind = kind_of(name, upload.content_type, data)
            elif form.get("text").strip():
                name, data, kind = "pasted JSON", form.get("text").encode("utf-8"), "json"
            elif upload is not None and upload.name:
                raise Refused(400, "Empty file", f"{upload.name!r} is empty: choose the file again")
            else:
                raise Refused(400, "Nothing to check", "choose a file, or paste a plan as JSON")
            checked = await self.work(
                check_submission,
                data,
                name=name,
                kind=kind,
                responder=responder or None,
                catalogue=self.catalogue,
                max_bytes=self.max_bytes,
            )
        except Refused as refusal:
            if refusal.problems:
                return self.refused(request, refusal)
            return self.upload_page(refusal)
        return self.report_page(checked)

    def report_page(self, checked: Checked) -> HTMLResponse:
        plan = checked.plan
        name = ""
        if plan is not None:
            try:
                name = self.catalogue.responder(plan.responder).name
            except UnknownAgency:
                name = plan.responder
        return self.page(
            "report.html.j2",
            "Report on the plan",
            status=200 if checked.readable else 422,
            checked=checked,
            report=checked.report,
            answered=checked.answered,
            responder_name=name,
            canonical=dumps(plan) if plan is not None else "",
            store=self.store is not None,
        )

    async def plan_sent(self, request: Request, *, valid: bool = False) -> ActionPlan:
        form = await self.form(request)
        return await self.work(
            plan_from_canonical, form.get("plan"), self.catalogue, self.max_bytes, valid=valid
        )

    async def preview(self, request: Request) -> Response:
        try:
            plan = await self.plan_sent(request)
            text = await self.work(render_html, plan, catalogue=self.catalogue, home="/")
        except Refused as refusal:
            return self.refused(request, refusal)
        return html(text)

    async def download(self, request: Request) -> Response:
        kind = request.path_params["kind"]
        try:
            if kind not in ("json", "csv", "xlsx"):
                raise Refused(404, "Not found", f"no download as {kind!r}; json, csv or xlsx")
            plan = await self.plan_sent(request)
            data, media, filename = await self.work(convert_plan, plan, kind, self.catalogue)
        except Refused as refusal:
            return self.refused(request, refusal)
        return _attachment(data, media, filename)

    async def submit(self, request: Request) -> Response:
        try:
            if self.store is None:
                raise Refused(404, "Not found", "this checker keeps no plans (no --store)")
            _same_origin(request)
            plan = await self.plan_sent(request, valid=True)
            path, new = await self.work(self.store.add, plan)
        except Refused as refusal:
            return self.refused(request, refusal)
        except OutputError as error:
            return self.refused(request, Refused(500, "Not kept", f"cannot keep the plan: {error}"))
        except OverflowError as error:
            return self.refused(request, Refused(429, "Not kept", str(error)))
        message = (
            f"The plan was submitted, and kept as {path.name}."
            if new
            else f"This very plan was already submitted today, as {path.name}; nothing changed."
        )
        return self.page("stored.html.j2", "Plan submitted", message=message)

    async def template_page(self, request: Request) -> Response:
        return self.page("template.html.j2", "Templates to fill in", responders=self.responders)

    async def template_download(self, request: Request) -> Response:
        responder = request.query_params.get("responder", "")
        kind = request.query_params.get("format", "xlsx")
        return await self.template_file(request, responder, kind)

    async def template_file(self, request: Request, responder: str, kind: str) -> Response:
        try:
            if kind not in ("xlsx", "csv"):
                raise Refused(404, "Not found", f"no template as {kind!r}; xlsx or csv")
            try:
                self.catalogue.responder(responder)
            except UnknownAgency as error:
                raise Refused(404, "Unknown responder", str(error)) from None
            data = await self.work(
                write_template, responder, None, kind=kind, catalogue=self.catalogue
            )
        except Refused as refusal:
            return self.refused(request, refusal)
        media = _XLSX if kind == "xlsx" else "text/csv; charset=utf-8"
        return _attachment(data, media, f"{responder}-template.{kind}")

    async def catalogue_home(self, request: Request) -> Response:
        return RedirectResponse("/catalogue/index.html", status_code=303)

    async def catalogue_page(self, request: Request) -> Response:
        if self._site is None:
            self._site = await self.work(lambda: dict(site_pages(self.catalogue, _messages_en())))
        text = self._site.get(request.path_params["name"])
        if text is None:
            raise HTTPException(404)
        return html(text)

    async def rules(self, request: Request) -> Response:
        return self.page("rules.html.j2", "Finding codes", rules=RULES)

    async def rule(self, request: Request) -> Response:
        code = request.path_params["code"].upper()
        found = next((r for r in RULES if r.code == code), None)
        if found is None:
            raise HTTPException(404)
        return self.page(
            "rule.html.j2",
            f"{found.code}: {found.title}",
            rule=found,
            message=PLACEHOLDER.sub(r"<\1>", found.message),
            hint=PLACEHOLDER.sub(r"<\1>", found.hint),
            bad=_example(found.bad),
            fixed=_example(found.fixed),
        )

    async def roll_up(self, request: Request) -> Response:
        if self.store is None:
            raise HTTPException(404)
        given = request.query_params.get("as_of", "")
        count = len(self.store.files())
        today = dt.datetime.now(dt.UTC).date().isoformat()
        if not given:
            return self.page(
                "roll_up_form.html.j2",
                "National roll-up",
                count=count,
                as_of=today,
                error="",
            )
        try:
            as_of = to_date(given)
        except (TypeError, ValueError) as error:
            return self.page(
                "roll_up_form.html.j2",
                "National roll-up",
                status=400,
                count=count,
                as_of=today,
                error=f"As of: {error}",
            )
        store = self.store

        def build() -> str:
            summary, _ = store.roll_up(as_of, self.catalogue)
            return render_summary_html(summary, catalogue=self.catalogue)

        try:
            text = await self.work(build)
        except Refused as refusal:
            return self.refused(request, refusal)
        return html(text)

    # -- the API --------------------------------------------------------------------------------

    async def api_page(self, request: Request) -> Response:
        return self.page("api.html.j2", "The checker's API", endpoints=ENDPOINTS)

    async def api_openapi(self, request: Request) -> Response:
        return JSONResponse(openapi(self.max_bytes))

    async def submission(self, request: Request) -> tuple[bytes, str, str, str | None]:
        """(data, name, kind, responder) of an API request: a JSON body, or a form's file."""
        content_type = request.headers.get("content-type", "")
        media = content_type.split(";", 1)[0].strip().lower()
        responder = request.query_params.get("responder") or None
        if media in ("application/json", "application/problem+json") or media.endswith("+json"):
            return await request.body(), "request body", "json", responder
        if media in ("text/csv",):
            return await request.body(), "request body", "csv", responder
        if media == _XLSX:
            return await request.body(), "request body", "xlsx", responder
        if media == "multipart/form-data":
            form = await self.form(request)
            upload = form.files.get("file")
            if upload is None:
                raise Refused(400, "No file", "send the plan as the form's 'file' field")
            name = upload.name or "upload"
            if not upload.data.strip():
                raise Refused(400, "Empty file", f"{name!r} is empty")
            kind = kind_of(name, upload.content_type, upload.data)
            return upload.data, name, kind, form.get("responder") or responder
        raise Refused(
            415,
            "Wrong content type",
            f"send a plan as application/json, text/csv, {_XLSX} or a multipart/form-data "
            f"form with a 'file' field, not {media or 'nothing'!r}",
        )

    async def api_validate(self, request: Request) -> Response:
        try:
            data, name, kind, responder = await self.submission(request)
            checked = await self.work(
                check_submission,
                data,
                name=name,
                kind=kind,
                responder=responder,
                catalogue=self.catalogue,
                max_bytes=self.max_bytes,
            )
        except Refused as refusal:
            return self.refused(request, refusal)
        body = checked.report.to_dict()
        for finding in body["findings"]:  # this checker's own page for each rule, not a file here
            finding["docs"] = str(request.url_for("rule", code=finding["code"]))
        if kind != "json":
            body["places"] = [shown.to_dict() for shown in checked.shown]
        if not checked.readable:
            return problem(
                422,
                "Not a JSON document",
                "the text cannot be read as a JSON plan; the report says where and why",
                report=body,
            )
        return JSONResponse(body)

    async def api_convert(self, request: Request) -> Response:
        try:
            data, name, kind, responder = await self.submission(request)
            default = "csv" if kind == "json" else "json"
            to = request.query_params.get("to", default)
            if to not in ("json", "csv", "xlsx"):
                raise Refused(400, "Unknown format", f"to={to!r}: use json, csv or xlsx")
            if not data.strip():
                raise Refused(400, "Empty body", "the request holds no plan")
            if kind == "json":
                plan = await self.work(json_plan, data, self.catalogue, self.max_bytes)
            else:
                checked = await self.work(
                    check_submission,
                    data,
                    name=name,
                    kind=kind,
                    responder=responder,
                    catalogue=self.catalogue,
                    max_bytes=self.max_bytes,
                )
                if checked.plan is None:  # pragma: no cover - a table that imports has a plan
                    raise Refused(422, "Not a plan", "the table does not give a plan")
                plan = checked.plan
            out, media, filename = await self.work(convert_plan, plan, to, self.catalogue)
        except Refused as refusal:
            return self.refused(request, refusal)
        return _attachment(out, media, filename)

    async def api_catalogue(self, request: Request) -> Response:
        recs = self.catalogue.recommendations
        return JSONResponse([to_dict(rec) for rec in recs])

    async def api_rules(self, request: Request) -> Response:
        return JSONResponse([_rule_dict(r) for r in RULES])

    async def api_schemas(self, request: Request) -> Response:
        return JSONResponse(list(SCHEMA_NAMES))

    async def api_schema(self, request: Request) -> Response:
        name = request.path_params["name"].removesuffix(".json").removesuffix(".schema")
        if name not in SCHEMA_NAMES:
            return problem(
                404, "No such schema", f"no schema {name!r}; one of: {', '.join(SCHEMA_NAMES)}"
            )
        return Response(canonical_json(schema(name)), media_type="application/schema+json")

    async def api_template(self, request: Request) -> Response:
        stem, _, kind = request.path_params["file"].rpartition(".")
        return await self.template_file(request, stem, kind)


def _same_origin(request: Request) -> None:
    """A state-changing form must come from this site's own pages (no cross-site request
    forgery): its Origin (or, where a browser sends none, its Referer) names this host, and a
    browser's Sec-Fetch-Site does not say cross-site."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        raise Refused(403, "Refused", "this form must be sent from the checker's own page")
    origin = request.headers.get("origin") or request.headers.get("referer") or ""
    host = request.headers.get("host", "")
    if not origin or origin == "null" or urlsplit(origin).netloc != host:
        raise Refused(
            403,
            "Refused",
            "this form must be sent from the checker's own page (its Origin must be this site)",
        )


@functools.cache
def _messages_en() -> Any:
    from ..render import messages

    return messages("en")


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):g} MiB" if count >= 1024 * 1024 else f"{count} bytes"


def _example(example: object) -> str:
    if example is None:
        return ""
    if isinstance(example, bytes):
        return repr(example)
    if isinstance(example, str):
        return example
    return json.dumps(example, ensure_ascii=False, indent=2)


def _rule_dict(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "title": rule.title,
        "message": rule.message,
        "hint": rule.hint,
        "docs": f"/rules/{rule.code}",
    }
