"""The command line: a thin layer that maps arguments onto the pipeline."""

from __future__ import annotations

import datetime as dt
import signal
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

import click
from rich.console import Console

from leafpress.batch.executors import EXECUTORS
from leafpress.cli import commands
from leafpress.editions import EDITIONS
from leafpress.errors import LeafpressError
from leafpress.outputs import FORMATS

#: Exit code for a bug in leafpress itself (1 is bad input, 2 a wrong command line).
INTERNAL_ERROR = 3


class Terminated(SystemExit):
    """Raised in the main thread on SIGTERM, so that unfinished files are cleaned up."""

_err = Console(stderr=True, highlight=False, soft_wrap=True)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


_today = click.option("--today", callback=_date, metavar="YYYY-MM-DD",
                      help="Reference date for review checks (default: today).")
_strict = click.option("--strict", is_flag=True, help="Treat warnings as errors (for CI).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--project", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("."), show_default=True,
              help="The project folder (with leaflets/ and content/).")
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.pass_context
def cli(ctx: click.Context, project: Path, debug: bool) -> None:
    """leafpress: accessible, reviewed patient leaflets from YAML and Markdown."""
    ctx.obj = {"project": project.resolve(), "debug": debug}


@cli.command()
@click.argument("leaflets", nargs=-1,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--all", "build_all", is_flag=True, help="Build every leaflet in leaflets/.")
@click.option("--variant", "variants", multiple=True, type=click.Choice(list(EDITIONS)),
              help="Build only this variant (repeatable). Default: every variant the "
              "leaflet lists.")
@click.option("--format", "formats", multiple=True, type=click.Choice(list(FORMATS)),
              help="Make only this output format (repeatable). Default: every format the "
              "leaflet lists.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build"),
              show_default=True, help="Output folder.")
@click.option("--allow-overdue", is_flag=True,
              help="Build leaflets with content past its review date, marked 'Under review'.")
@click.option("--print-shop", is_flag=True,
              help="Booklets' print files get 3 mm bleed and crop marks, for a print shop.")
@click.option("--queue", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Build the targets listed in this file, one 'build LEAFLET --variant V "
              "--format F' line each (make writes it with the stale targets).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes that render at once. Default: every core.")
@click.option("--executor", type=click.Choice(EXECUTORS), default="local", show_default=True,
              help="Where targets render: worker processes on this machine, or a Dask cluster.")
@click.option("--scheduler", metavar="ADDRESS",
              help="The Dask scheduler for --executor dask, such as tcp://10.0.0.5:8786.")
@_today
@_strict
@click.pass_obj
def build(obj: dict[str, object], leaflets: tuple[Path, ...], build_all: bool,
          variants: tuple[str, ...], formats: tuple[str, ...], out: Path, allow_overdue: bool,
          print_shop: bool, queue: Path | None, jobs: int | None, executor: str,
          scheduler: str | None, today: dt.date, strict: bool) -> None:
    """Build LEAFLETS (YAML files) into tagged PDFs, standard and large print."""
    if queue is not None:
        if build_all or leaflets:
            raise click.UsageError("give leaflet files, --all or --queue (only one)")
    elif build_all == bool(leaflets):
        raise click.UsageError("give leaflet files, or --all (not both)")
    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS, such as "
                               "tcp://10.0.0.5:8786")
    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler is only used with --executor dask")
    code = commands.build(
        project=Path(str(obj["project"])), leaflets=list(leaflets), out=out,
        variants=variants, today=today, allow_overdue=allow_overdue, strict=strict,
        print_shop=print_shop, formats=formats, queue=queue, jobs=jobs, executor=executor,
        scheduler=scheduler,
    )
    sys.exit(code) if code else None


@cli.command(name="list")
@click.pass_obj
def list_(obj: dict[str, object]) -> None:
    """List the leaflets and the content sections, with titles."""
    commands.list_project(Path(str(obj["project"])))


@cli.command()
@_today
@_strict
@click.pass_obj
def check(obj: dict[str, object], today: dt.date, strict: bool) -> None:
    """Check every definition and all content without rendering."""
    code = commands.check(Path(str(obj["project"])), today=today, strict=strict)
    sys.exit(code) if code else None


@cli.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("build"),
              show_default=True, help="Output folder the rules should name.")
@click.pass_obj
def targets(obj: dict[str, object], out: Path) -> None:
    """Print make rules for every leaflet and variant (used by the Makefile)."""
    commands.targets(Path(str(obj["project"])), out)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (only this computer by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 32),
              help="Warm render processes (WeasyPrint loaded once in each).")
@click.pass_obj
def serve(obj: dict[str, object], host: str, port: int, workers: int) -> None:
    """Run the handout studio: pick sections, add contacts, preview and print."""
    from leafpress.server.app import serve as run_studio

    click.echo(f"leafpress studio: http://{host}:{port}  (Ctrl-C to stop)")
    run_studio(Path(str(obj["project"])), host, port, workers)


@cli.command(name="log")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Export the whole log as CSV to this file ('-' for standard output).")
@click.pass_obj
def log_(obj: dict[str, object], csv_path: Path | None) -> None:
    """List the handouts the studio made (the governance log), or export it as CSV."""
    commands.show_log(Path(str(obj["project"])), csv_path)


def _add_audit() -> None:
    try:
        from leafpress.audit.command import audit_command
    except ImportError:  # pragma: no cover - the auditor is part of the package
        return
    cli.add_command(audit_command, name="audit")


_add_audit()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI in memory and return its exit code (0 ok, 1 bad input, 2 bad usage)."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    try:
        cli.main(args=args, prog_name="leafpress", standalone_mode=False)
    except LeafpressError as error:
        if debug:
            traceback.print_exc()
        commands.report_problems(error.problems)
        return error.exit_code
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Abort:
        _err.print("Aborted.")
        return 1
    except Terminated as done:
        _err.print("Terminated: no partial output was left.")
        return int(done.code or 1) if not isinstance(done.code, str) else 1
    except SystemExit as done:
        return int(done.code or 0) if not isinstance(done.code, str) else 1
    except KeyboardInterrupt:
        _err.print("Interrupted.")
        return 130
    except Exception as error:  # a bug in leafpress, not in the user's files
        if debug:
            traceback.print_exc()
        _err.print(f"leafpress: internal error: {type(error).__name__}: {error}\n"
                   "  → This is a bug in leafpress, not in your files. Run the same command "
                   "with --debug and report what it prints.", markup=False)
        return INTERNAL_ERROR
    return 0


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(128 + signum)


def run() -> None:
    """Console-script entry point; SIGTERM stops a build cleanly, like Ctrl-C."""
    signal.signal(signal.SIGTERM, _terminate)
    sys.exit(main())
