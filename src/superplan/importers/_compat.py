"""TEMPORARY, until the schema 1.1 model is merged: drops the 1.1 keys the 1.0 model refuses."""

from typing import Any

_NEW = {
    "recommendation_as_quoted", "translations", "links", "parts", "owner", "status_text",
    "acceptance_text", "compliance_text", "assessed_on", "leads", "lang", "not_before",
}  # fmt: skip


def fit(data: Any) -> Any:
    import attrs

    from ..model import Response

    if "recommendation_as_quoted" in attrs.fields_dict(Response):
        return data
    if isinstance(data, dict):
        out = {k: fit(v) for k, v in data.items() if k not in _NEW}
        if "updates" in out:
            out["updates"] = [u for u in out["updates"] if "date" in u and len(u["date"]) == 10]
        if "due" in out and len(out["due"].get("date", "0000-00-00")) != 10:
            del out["due"]
        return out
    if isinstance(data, list):
        return [fit(v) for v in data]
    return data
