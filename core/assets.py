"""Static files under content-hashed names with a one-year immutable cache, so
a repeat visit costs only the HTML."""

import hashlib
from pathlib import Path

from flask import abort, send_from_directory, url_for

from core.access import public

ONE_YEAR = 365 * 24 * 3600


class Assets:
    def __init__(self):
        self.by_hashed: dict[str, str] = {}
        self.by_name: dict[str, str] = {}
        self.folder: Path | None = None

    def init_app(self, app):
        self.folder = Path(app.static_folder)
        self.scan()
        app.add_url_rule("/a/<path:hashed>", "asset", public(lambda hashed: self.serve(hashed)))
        app.jinja_env.globals["asset"] = self.url

    def scan(self):
        self.by_hashed.clear()
        self.by_name.clear()
        for path in sorted(self.folder.rglob("*")):
            if not path.is_file():
                continue
            name = path.relative_to(self.folder).as_posix()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
            stem, dot, ext = name.rpartition(".")
            hashed = f"{stem}.{digest}.{ext}" if dot else f"{name}.{digest}"
            self.by_hashed[hashed] = name
            self.by_name[name] = hashed

    def url(self, name: str) -> str:
        hashed = self.by_name.get(name)
        if hashed is None:
            raise KeyError(f"static file {name!r} is missing; run `make setup`")
        return url_for("asset", hashed=hashed)

    def serve(self, hashed: str):
        name = self.by_hashed.get(hashed)
        if name is None:
            abort(404)
        response = send_from_directory(self.folder, name, max_age=ONE_YEAR, conditional=True)
        response.cache_control.immutable = True
        response.cache_control.public = True
        return response


assets = Assets()
