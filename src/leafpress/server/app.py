"""The studio's web application: routes, warm workers and the library watcher."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from leafpress.engine import Project
from leafpress.server import api, contacts_pages, pages
from leafpress.server.security import BodyLimit
from leafpress.server.studio import Studio
from leafpress.server.workers import RenderPool

STATIC = Path(__file__).parent / "static"


async def _watch(studio: Studio, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        await asyncio.to_thread(studio.refresh_if_changed)


def create_app(root: Path, *, workers: int = 2, watch_every: float = 1.0) -> Starlette:
    """The studio for one project; workers start (warm) when the app starts."""
    studio = Studio(Project.open(root), None)
    studio.refresh_if_changed()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        studio.pool = RenderPool(studio.root, workers)
        await studio.pool.warm()
        watcher = asyncio.create_task(_watch(studio, watch_every)) if watch_every else None
        try:
            yield
        finally:
            if watcher:
                watcher.cancel()
            studio.pool.close()

    app = Starlette(
        routes=[
            Route("/", pages.home),
            Route("/handout", pages.handout_action, methods=["POST"]),
            Route("/preview", pages.preview, methods=["GET", "POST"]),
            Route("/log", pages.log_page),
            Route("/contacts", contacts_pages.show_contacts),
            Route("/contacts", contacts_pages.add_contacts, methods=["POST"]),
            Route("/project-file/{path:path}", pages.project_file),
            Route("/api/handouts", api.create_handout, methods=["POST"]),
            Route("/api/handouts/schema", api.handout_schema),
            Route("/api/sections", api.list_sections),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        middleware=[Middleware(BodyLimit)],
        lifespan=lifespan,
    )
    app.state.studio = studio
    return app


def serve(root: Path, host: str, port: int, workers: int) -> None:
    """Run the studio until interrupted."""
    import uvicorn

    uvicorn.run(create_app(root, workers=workers), host=host, port=port, log_level="warning")
