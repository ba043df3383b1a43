"""Schemathesis hooks for .ci/fuzz (loaded through SCHEMATHESIS_HOOKS).

Schemathesis 4.32.5 rewrites the `prefixItems` of a response schema (how
OpenAPI 3.1 writes a tuple, e.g. Plaza's `(facet, value, label)`) into
Draft 4's `items: [...]`, then checks the schema as Draft 2020-12, which
forbids that form: every operation whose answer holds a tuple would be
reported as an invalid schema and its answers never checked. Response
schemas are kept as the document writes them instead, so they are checked
as written. Fails loudly if the function it wraps is gone.
"""

import functools

from schemathesis.specs.openapi.adapter import responses

_convert = responses.to_json_schema


@functools.wraps(_convert)
def _keep_tuples(schema, nullable_keyword, *args, **kwargs):
    if kwargs.get("is_response_schema"):
        kwargs["convert_prefix_items"] = False
    return _convert(schema, nullable_keyword, *args, **kwargs)


responses.to_json_schema = _keep_tuples
