"""Reports as designed pages: one self-contained HTML file each, with inline SVG charts.

The charts are pure functions (:mod:`.charts`, :mod:`.bars`); the pages are Jinja2 templates in
``templates/``, rendered with autoescaping (:mod:`.render`), so every name and text from a
catalogue, an answers file or a posting is escaped. Jinja2 is imported only when a page is made.
"""
