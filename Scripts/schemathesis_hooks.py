"""Schemathesis hooks for Guichet's OpenAPI document (issue #9).

- `format: siret`: SIRETs whose Luhn key is valid (the server refuses a wrong key with a 422,
  which JSON Schema cannot express);
- the AMI upload's spreadsheet media type: arbitrary bytes (the server answers 422 for a file
  that is not a workbook).
"""
import schemathesis
from hypothesis import strategies as st


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


@st.composite
def sirets(draw):
    body = draw(st.text(alphabet="0123456789", min_size=13, max_size=13))
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


schemathesis.openapi.format("siret", sirets())
schemathesis.openapi.media_type(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", st.binary(min_size=1, max_size=4096)
)
# A dossier's documents (issue #12): arbitrary bytes; the server recognises PDF, JPEG and PNG by
# their content and refuses the rest with a 422.
for media in ("application/pdf", "image/jpeg", "image/png"):
    schemathesis.openapi.media_type(media, st.binary(min_size=0, max_size=4096))
