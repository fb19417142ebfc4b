"""The HSDS list shape: one page of a result, with its place in the whole.

Pages count from 1. `size` is the number of objects on this page, as the HSDS API
specification defines it. A page past the last one is a valid, empty page (`empty` true),
so a reader walking pages stops on `last_page` or `empty`.
"""

import math
from collections.abc import Callable, Sequence


def page(items: Sequence, number: int, per_page: int, render: Callable[[object], dict]) -> dict:
    total = len(items)
    total_pages = math.ceil(total / per_page)
    chunk = items[(number - 1) * per_page : number * per_page]
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": number,
        "size": len(chunk),
        "first_page": number == 1,
        "last_page": number >= total_pages,
        "empty": not chunk,
        "contents": [render(item) for item in chunk],
    }
