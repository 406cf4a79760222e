"""The API's OpenAPI 3.1 description, written out by hand (the API is small and stable)."""

from typing import Any

from .._version import __version__

__all__ = ["ENDPOINTS", "openapi"]

#: (method, path, what it does): the API page's table, and the paths below.
ENDPOINTS = (
    ("POST", "/api/validate", "check a plan (JSON body, CSV or XLSX body, or a form's file)"),
    ("POST", "/api/convert", "a plan from JSON to a CSV or XLSX table (?to=), or a table to JSON"),
    ("GET", "/api/catalogue", "the 29 recommendations"),
    ("GET", "/api/rules", "every finding code"),
    ("GET", "/api/schemas", "the published schemas' names"),
    ("GET", "/api/schemas/{name}", "one published JSON Schema"),
    ("GET", "/api/template/{responder}.xlsx", "the template for a responder (or .csv)"),
    ("GET", "/api/openapi.json", "this description"),
)

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _problem(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


def _submission() -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "application/json": {"schema": {"type": "object"}},
            "text/csv": {"schema": {"type": "string"}},
            _XLSX: {"schema": {"type": "string", "contentMediaType": _XLSX}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "string", "contentMediaType": "application/octet-stream"},
                        "responder": {"type": "string"},
                    },
                    "required": ["file"],
                }
            },
        },
    }


_RESPONDER = {
    "name": "responder",
    "in": "query",
    "required": False,
    "description": "whose plan it is, where the file does not say (a table in another shape); "
    "a file naming another responder is refused (422)",
    "schema": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
}

_REFUSALS = {
    "400": _problem("nothing to check, or a malformed form"),
    "413": _problem("larger than the size limit, or a workbook that would inflate past it"),
    "415": _problem("a content type that is not a plan's"),
    "422": _problem("not readable as a plan (the problem says where), or another responder's"),
    "503": _problem("the work took longer than the time limit"),
}


#: A finding as the report gives it.
_FINDING: dict[str, Any] = {
    "type": "object",
    "required": ["code", "severity", "title", "pointer", "message", "hint", "docs"],
    "properties": {
        "code": {"type": "string"},
        "severity": {"enum": ["error", "warning"]},
        "title": {"type": "string"},
        "pointer": {"type": "string", "description": "RFC 6901 JSON pointer"},
        "message": {"type": "string"},
        "hint": {"type": "string"},
        "docs": {"type": "string"},
        "line": {"type": "integer"},
        "column": {"type": "integer"},
    },
}


#: The API's routes.
_PATHS: dict[str, Any] = {
    "/api/validate": {
        "post": {
            "summary": "Check a plan",
            "parameters": [_RESPONDER],
            "requestBody": _submission(),
            "responses": {
                "200": {
                    "description": "the report (ValidationReport.to_dict()); a table's "
                    "report adds 'places': each finding's sheet, row and column",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Report"}}
                    },
                },
                **_REFUSALS,
            },
        }
    },
    "/api/convert": {
        "post": {
            "summary": "Convert a plan between JSON and a table",
            "parameters": [
                _RESPONDER,
                {
                    "name": "to",
                    "in": "query",
                    "required": False,
                    "description": "json, csv or xlsx (default: csv for JSON, json for a table)",
                    "schema": {"enum": ["json", "csv", "xlsx"]},
                },
            ],
            "requestBody": _submission(),
            "responses": {
                "200": {
                    "description": "the plan in the format asked for",
                    "content": {
                        "application/json": {"schema": {"type": "object"}},
                        "text/csv": {"schema": {"type": "string"}},
                        _XLSX: {"schema": {"type": "string"}},
                    },
                },
                **_REFUSALS,
            },
        }
    },
    "/api/catalogue": {
        "get": {
            "summary": "The recommendations",
            "responses": {
                "200": {
                    "description": "each recommendation, with how well each fact is known",
                    "content": {"application/json": {"schema": {"type": "array"}}},
                }
            },
        }
    },
    "/api/rules": {
        "get": {
            "summary": "Every finding code",
            "responses": {
                "200": {
                    "description": "code, severity, title, message, hint",
                    "content": {"application/json": {"schema": {"type": "array"}}},
                }
            },
        }
    },
    "/api/schemas": {
        "get": {
            "summary": "The published schemas' names",
            "responses": {
                "200": {
                    "description": "names",
                    "content": {"application/json": {"schema": {"type": "array"}}},
                }
            },
        }
    },
    "/api/schemas/{name}": {
        "get": {
            "summary": "One published JSON Schema",
            "parameters": [
                {
                    "name": "name",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                "200": {
                    "description": "the schema",
                    "content": {"application/schema+json": {"schema": {"type": "object"}}},
                },
                "404": _problem("no schema of that name"),
            },
        }
    },
    "/api/template/{file}": {
        "get": {
            "summary": "A responder's template: {responder}.xlsx or {responder}.csv",
            "parameters": [
                {
                    "name": "file",
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                "200": {
                    "description": "the template",
                    "content": {
                        _XLSX: {"schema": {"type": "string"}},
                        "text/csv": {"schema": {"type": "string"}},
                    },
                },
                "404": _problem("an unknown responder or format"),
            },
        }
    },
}


#: The shapes the routes refer to.
_COMPONENTS: dict[str, Any] = {
    "schemas": {
        "Finding": _FINDING,
        "Report": {
            "type": "object",
            "required": ["source", "valid", "errors", "warnings", "counts", "findings"],
            "properties": {
                "source": {"type": ["string", "null"]},
                "valid": {"type": "boolean"},
                "errors": {"type": "integer"},
                "warnings": {"type": "integer"},
                "counts": {
                    "type": "object",
                    "additionalProperties": {"type": "integer"},
                },
                "findings": {
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/Finding"},
                },
                "places": {"type": "array", "items": {"type": "object"}},
            },
        },
        "Problem": {
            "type": "object",
            "description": "RFC 9457 problem details",
            "required": ["type", "title", "status", "detail"],
            "properties": {
                "type": {"type": "string"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "problems": {"type": "array", "items": {"type": "object"}},
                "report": {"$ref": "#/components/schemas/Report"},
            },
        },
    }
}


def openapi(max_bytes: int) -> dict[str, Any]:
    """The description, with this server's size limit."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "superplan checker",
            "version": __version__,
            "description": "Check and convert action plans answering the stalking "
            f"super-complaint's recommendations. Requests are limited to {max_bytes} bytes.",
        },
        "paths": _PATHS,
        "components": _COMPONENTS,
    }
