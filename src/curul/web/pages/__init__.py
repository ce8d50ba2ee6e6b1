"""The dashboard's pages, one module each; ``curul.web._pages.PAGE_MODULES`` lists them."""

__all__: list[str] = []
