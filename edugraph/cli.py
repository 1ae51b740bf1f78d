"""The ``edugraph`` command line: a thin layer over the library.

User errors (every :class:`EduGraphError`) print one line and exit 1.
"""

from __future__ import annotations

import json
import os
import sys

import click

from . import __version__
from .graph.errors import EduGraphError
from .output import render_rows

MAX_LIMIT = 100_000  # more rows than any question returns on a national graph; above it Neo4j rejects LIMIT

STORE_HELP = (
    "Graph store: a file for the embedded store (default $EDUGRAPH_STORE or ./edugraph.db) "
    "or a Neo4j URI (bolt://, neo4j://, neo4j+s://; credentials from NEO4J_USERNAME / NEO4J_PASSWORD)."
)


class _Group(click.Group):
    """Turns library errors into one clear line instead of a traceback, and usage errors into one line with a
    hint (exit 1), as the README says: 2 is kept for "some files or rows could not be read"."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "edugraph"
            click.echo(f"Error: {exc.format_message()} (see `{where} --help`)", err=True)
            sys.exit(1)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except EduGraphError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:  # pragma: no cover - interactive
            raise click.Abort() from None


def store_option(f):
    return click.option("--store", "store_location", default=None, metavar="PATH|URI", help=STORE_HELP)(f)


def format_options(f):
    f = click.option("--csv", "fmt", flag_value="csv", help="Print CSV.")(f)
    f = click.option("--json", "fmt", flag_value="json", help="Print JSON.")(f)
    return click.option("--table", "fmt", flag_value="table", default=True, help="Print a table (default).")(f)


def _open(location, create: bool = False):
    """The store; only build and ingest (and cypher --write) create one that does not exist yet."""
    from .graph.store import open_store

    return open_store(location, create=create)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="edugraph")
def main():
    """EduGraph: who works with whom in Korean education governance.

    Build a graph of local governments, offices of education, councils,
    agreements and programmes from reference data and news articles, every fact
    with its source; query it with Cypher here or in Neo4j Browser.
    """


@main.command()
@store_option
@click.option("--no-reference", is_flag=True, help="Do not load the reference skeleton.")
@click.option("--no-examples", is_flag=True, help="Do not ingest the bundled examples/ articles.")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1), help="Rows per write.")
def build(store_location, no_reference, no_examples, batch_size):
    """Create or update the graph: schema, reference data and the example articles.

    Safe to run again: every write merges on deterministic ids.
    """
    with _open(store_location, create=True) as store:
        click.echo(f"store: {store.location} ({store.kind}); schema ready", err=True)
        if not no_reference:
            from .loaders.reference_loader import load_reference_into

            counts = load_reference_into(store, batch_size=batch_size)
            click.echo(f"reference: {counts['nodes']} nodes, {counts['relationships']} relationships", err=True)
        if not no_examples:
            from .loaders.ingest import examples_dir, ingest_paths

            folder = examples_dir()
            if folder is not None:
                summary = ingest_paths(store, [folder], batch_size=batch_size, progress=False)
                click.echo(f"examples: {summary.line()}", err=True)
        _print_stats(store.stats(), "table")


def _print_stats(stats, fmt):
    if fmt == "json":
        click.echo(json.dumps(stats, ensure_ascii=False, indent=2))
        return
    from .graph.schema import load_schema

    # Actor is the label every organisation carries besides its own: a subtotal, not more nodes
    actor = load_schema().actor_label
    rows = [{"kind": "node", "name": k, "count": v} for k, v in stats["nodes"].items() if k != actor]
    rows.append({"kind": "node", "name": "(all)", "count": sum(r["count"] for r in rows)})
    if actor in stats["nodes"]:
        rows.append({"kind": "node", "name": f"({actor}: the organisations above)", "count": stats["nodes"][actor]})
    rels = [{"kind": "relationship", "name": k, "count": v} for k, v in stats["relationships"].items()]
    rels.append({"kind": "relationship", "name": "(all)", "count": sum(r["count"] for r in rels)})
    click.echo(render_rows(rows + rels, fmt))


@main.command()
@store_option
@format_options
def stats(store_location, fmt):
    """Node counts by label and relationship counts by type."""
    with _open(store_location) as store:
        _print_stats(store.stats(), fmt)


@main.command()
@click.argument("query")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME[:TYPE]=VALUE",
              help="A query parameter ($NAME): text by default (-p y=2024 is the text '2024'); give a type for "
                   "other values: -p y:int=2024, :float, :bool (true/false), :json (a list or a map).")
@click.option("--write", is_flag=True, help="Allow the query to change the graph (read-only otherwise).")
@store_option
@format_options
def cypher(query, params, write, store_location, fmt):
    """Run a Cypher QUERY, read-only unless --write is given.

    Pass values as parameters, never inside the query text:

        edugraph cypher 'MATCH (n:Actor {name_ko: $name}) RETURN n.id' -p name=김포시
    """
    values = {}
    for item in params:
        name, sep, raw = item.partition("=")
        if not sep or not name.partition(":")[0].isidentifier():
            raise click.BadParameter(f"{item!r}: write NAME=VALUE or NAME:TYPE=VALUE", param_hint="--param")
        values.update([_typed_param(name, raw)])
    with _open(store_location, create=write) as store:
        rows = store.run(query, values, write=write)
    click.echo(render_rows(rows, fmt))


def _typed_param(name: str, raw: str) -> tuple:
    """-p NAME[:TYPE]=VALUE → (NAME, value): text unless a type says otherwise, so that 2024 never turns
    into a number where the graph stores the text '2024'."""
    name, _, kind = name.partition(":")
    kind = kind or "str"
    try:
        if kind == "str":
            return name, raw
        if kind == "int":
            return name, int(raw)
        if kind == "float":
            return name, float(raw)
        if kind == "bool" and raw.lower() in ("true", "false"):
            return name, raw.lower() == "true"
        if kind == "json":
            return name, json.loads(raw)
    except ValueError:
        pass
    raise click.BadParameter(f"{name}:{kind}={raw!r}: not a {kind}; types are str (default), int, float, bool, json",
                             param_hint="--param")


@main.command()
@click.argument("name")
@click.option("--province", default=None, help="Context: the 시·도 (any form: 부산, 부산광역시, Busan).")
@click.option("--date", default=None, help="Context: the date the name was used (YYYY[-MM[-DD]]).")
@format_options
def resolve(name, province, date, fmt):
    """Resolve NAME (any Korean or English form) to the canonical reference entity.

    An ambiguous name lists its candidates and exits 1.
    """
    from .graph.resolve import default_resolver

    entity = default_resolver().resolve(name, province=province, date=date)
    row = {"id": entity.id, "label": entity.label, "name_ko": entity.name_ko, "name_en": entity.name_en,
           "level": entity.level, "province_ko": entity.province_ko,
           "valid_from": entity.valid_from, "valid_to": entity.valid_to, "certainty": entity.certainty}
    click.echo(render_rows([row], fmt))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the annotations as JSON (the default).")
@click.option("--jsonl", is_flag=True, help="Print one JSON annotation per line.")
def extract(files, as_json, jsonl):
    """Extract actors, agreements, programmes, people and relations from FILES.

    Prints, per document, the annotation format of docs/annotation.md (each
    entity with the reference id settled in the article's context). Unreadable
    files are reported on stderr by name.
    """
    from .loaders.extract import extract_document
    from .loaders.readers import iter_files, read_path

    out, failed = [], 0
    for path in iter_files(files):
        errors: list = []
        try:
            for doc in read_path(path, errors):
                out.append(extract_document(doc))
        except EduGraphError as exc:
            failed += 1
            click.echo(f"skipped {exc}", err=True)
        for e in errors:
            click.echo(f"skipped {e}", err=True)
    if jsonl:
        for ann in out:
            click.echo(json.dumps(ann, ensure_ascii=False))
    else:
        click.echo(json.dumps(out if len(out) != 1 else out[0], ensure_ascii=False, indent=2))
    if failed:
        sys.exit(2)


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("files", nargs=-1, required=True, type=click.Path())
@format_options
@click.option("--per-document", is_flag=True, help="Also list every document's scores.")
@click.option("--errors", "show_errors", is_flag=True,
              help="List, per document and tier, what was missed and what was extra.")
@click.option("--graph", "graph", is_flag=True,
              help="Also ingest FILES into a fresh store built from the reference and score the graph's "
                   "cooperation ties against the union of the gold; count governments and offices ingest added.")
def evaluate(gold_dir, files, fmt, per_document, show_errors, graph):
    """Score extraction of FILES against the gold annotations in GOLD_DIR.

    Precision, recall and F1 per tier (actors, persons, cooperation,
    participation, heads, agreements), micro-averaged over documents; gold and
    system documents are paired by file name, and gold documents no file
    provides are named on stderr and left out. Each document gets the `date`
    and `url` of its gold file as metadata, as a scraped corpus (JSONL/CSV)
    carries them. Planned signings are not scored (docs/annotation.md).
    With --graph, the graph built from FILES is scored too (docs/quality.md).
    """
    from .graph.errors import InputError
    from .loaders.evaluate import evaluate_files, paired_documents, read_gold

    try:
        result = evaluate_files(gold_dir, files, errors=show_errors)
    except InputError as exc:
        raise click.ClickException(str(exc))
    if result["missing"]:
        click.echo(f"{len(result['missing'])} gold documents have no file among FILES and are not scored: "
                   f"{', '.join(result['missing'])}", err=True)
    if show_errors:
        errs = result["errors"]
        if fmt == "json":
            click.echo(json.dumps(errs, ensure_ascii=False, indent=2))
        else:
            click.echo(render_rows(errs, fmt, ["document", "tier", "kind", "item"]))
        return
    if graph:
        from .loaders.graph_score import score_graph

        gold = read_gold(gold_dir)
        docs, _missing = paired_documents(gold, files)
        have = {d.name for d in docs}
        result["graph"] = score_graph([g for g in gold if g["doc"] in have], docs)
    rows = [{"document": "micro", "tier": t, **v} for t, v in result["micro"].items()]
    if graph:
        rows.append({"document": "graph", "tier": "cooperation", **result["graph"]["cooperation"]})
    if per_document:
        rows += [{"document": d, "tier": t, **v} for d, tiers in result["documents"].items() for t, v in tiers.items()]
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        click.echo(render_rows(rows, fmt, ["document", "tier", "precision", "recall", "f1", "tp", "predicted", "gold"]))
        if graph:
            added = result["graph"]["added_nodes"]
            click.echo(f"governments and offices of education added by ingest: {len(added)}"
                       + (f" ({', '.join(added)})" if added else ""))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@store_option
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1), help="Rows per write.")
@click.option("--records/--articles", "records", default=None,
              help="Read every file as researchers' records (CSV/YAML of hand-coded facts) or as articles. "
                   "Default: YAML files and CSV files with 'record' and 'actors' columns are records.")
@click.option("--jobs", "-j", default=0, type=click.IntRange(0), metavar="N",
              help="Processes that extract articles (0, the default: one per CPU core). Writing stays in one.")
@click.option("--verbose", "-v", is_flag=True,
              help="List every government or office named that could not be settled (the summary shows five).")
def ingest(paths, store_location, batch_size, records, jobs, verbose):
    """Extract FILES_OR_DIRS and write their facts into the store.

    Documents already ingested (same content hash) are skipped. Records files
    (hand-coded agreements, memberships, participations and cooperation ties;
    format in the README) go through the same resolver and writer. A progress
    bar and bad files or rows go to stderr; the summary ends the run. Exit
    code 0: all read; 2: some files or rows could not be read (the rest were
    ingested). Governments and offices of education come from the reference
    only: one the extractor could not settle (a homonym such as 중구 with no
    시·도 in the article) is left out and counted in the summary.
    """
    from .loaders.ingest import ingest_paths
    from .loaders.readers import iter_files

    files = list(iter_files(paths))  # walked once: the progress bar needs the count
    with _open(store_location, create=True) as store:
        with click.progressbar(length=len(files), label="ingesting", file=sys.stderr) as bar:
            summary = ingest_paths(
                store, files, batch_size=batch_size, progress=lambda _p: bar.update(1),
                on_error=lambda e: click.echo(f"\nskipped {e}", err=True), records=records,
                jobs=jobs or os.cpu_count() or 1,
            )
    click.echo(summary.line(), err=True)
    unsettled = summary.unsettled_line(limit=None if verbose else 5)
    if unsettled:
        click.echo(unsettled, err=True)
    if summary.failed or summary.errors:
        sys.exit(2)



def period_options(f):
    f = click.option("--until", default=None, metavar="DATE", help="Latest date, inclusive: YYYY, YYYY-MM or YYYY-MM-DD.")(f)
    return click.option("--since", default=None, metavar="DATE", help="Earliest date: YYYY, YYYY-MM or YYYY-MM-DD.")(f)


def _catalogue_rows():
    from .queries.catalogue import catalogue

    return [{"question": q.usage(), "ko": q.question_ko, "en": q.question_en,
             "period": "yes" if q.periodic else "", "columns": ", ".join(q.columns)}
            for q in catalogue().values()]


@main.command()
@click.argument("question", required=False)
@click.argument("args", nargs=-1)
@click.option("--list", "show_list", is_flag=True, help="Show the question catalogue.")
@period_options
@click.option("--limit", default=None, type=click.IntRange(1, MAX_LIMIT),
              help=f"The most rows (questions that take one), 1 to {MAX_LIMIT:,}.")
@click.option("--date", default=None, metavar="DATE",
              help="One day, for questions about a day (heads: who headed the actor then): YYYY, YYYY-MM or YYYY-MM-DD.")
@store_option
@format_options
def ask(question, args, show_list, since, until, limit, date, store_location, fmt):
    """Answer a governance QUESTION from the catalogue (``--list`` shows it).

    Actor arguments take any name form (김포시, 김포교육지원청, Gimpo City,
    lg_41570); an ambiguous one is explained, not guessed. Runs read-only.

    \b
        edugraph ask partners 김포시
        edugraph ask agreements_of 서울특별시교육청 MOU --since 2024
        edugraph ask evidence 오산시 화성오산교육지원청 --json
        edugraph ask heads 서울특별시교육청 --date 2019-05-01
    """
    if show_list or not question:
        click.echo(render_rows(_catalogue_rows(), fmt))
        return
    from .queries.catalogue import ask as run_question, catalogue

    q = catalogue().get(question)
    with _open(store_location) as store:
        rows = run_question(store, question, *args, since=since, until=until, limit=limit, date=date)
    click.echo(render_rows(rows, fmt, list(q.columns) if q else None))


def network_filter_options(f):
    # From the schema, not from the query modules: they would load networkx on every command.
    from .graph.schema import load_schema

    schema = load_schema()
    actor_labels = schema.actor_labels()
    f = click.option("--level", "levels", multiple=True,
                     type=click.Choice(schema.property_values("level", actor_labels)),
                     help="Only actors of this level: metropolitan/basic governments, provincial/district "
                          "offices of education (repeatable).")(f)
    f = click.option("--type", "types", multiple=True, type=click.Choice(actor_labels),
                     help="Only actors of this type (repeatable).")(f)
    f = click.option("--program", default=None, help="Only the participants of this programme (any name form).")(f)
    f = click.option("--province", default=None, help="Only actors of this 시·도 (any form: 경기, 경기도, Gyeonggi).")(f)
    return period_options(f)


def _network_filter(since, until, province, program, types, levels=()):
    from .queries.lookup import normalise_date
    from .queries.network import NetworkFilter

    return NetworkFilter(since=normalise_date(since, "--since") if since else None,
                         until=normalise_date(until, "--until") if until else None,
                         province=province, program=program, types=tuple(types), levels=tuple(levels))


@main.command()
@click.argument("measure", type=click.Choice(["centrality", "brokers", "communities", "ego", "chains", "growth"]))
@click.argument("actors", nargs=-1)
@network_filter_options
@click.option("--by", default="province", show_default=True, type=click.Choice(["province", "type"]),
              help="brokers: the groups brokers link.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1), help="ego: radius in ties.")
@click.option("-k", "k", default=5, show_default=True, type=click.IntRange(1), help="chains: how many chains.")
@click.option("--seed", default=42, show_default=True, help="communities: random seed (results repeat).")
@click.option("--top", default=None, type=click.IntRange(1), help="centrality, brokers: the first N rows only.")
@store_option
@format_options
def analyze(measure, actors, since, until, province, program, types, levels, by, depth, k, seed, top, store_location,
            fmt):
    """Network analysis of the cooperation network with networkx.

    Actors are nodes; an edge's weight counts the distinct agreements, joint
    events, councils and shared programme years behind it. MEASURE is one of:

    \b
      centrality            degree, weighted degree, betweenness, eigenvector
      brokers               who ties together groups (--by province|type)
      communities           Louvain communities, seeded (--seed)
      ego ACTOR             the ego network (--depth K)
      chains ACTOR OTHER    shortest chains of cooperation (-k N)
      growth                yearly snapshots of the network
    """
    from .queries.analysis import analyze as run_analysis

    flt = _network_filter(since, until, province, program, types, levels)
    with _open(store_location) as store:
        rows = run_analysis(store, measure, *actors, flt=flt, by=by, top=top, seed=seed, depth=depth, k=k)
    click.echo(render_rows(rows, fmt))


@main.command(name="map")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The file to write (.html, or .png/.svg with --format).")
@click.option("--actor", default=None, help="Draw this actor's ego network (any name form).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(1), help="Ego network radius.")
@network_filter_options
@click.option("--format", "fmt", type=click.Choice(["html", "png", "svg"]), default=None,
              help="Output format (default: from the file name, else html).")
@click.option("--title", default=None, help="Title of the map or figure (default: says what is shown).")
@click.option("--color", "color", type=click.Choice(["type", "community", "province"]), default="type",
              show_default=True, help="Colour nodes by actor type, by community (the seeded Louvain of "
              "`analyze communities`) or by 시·도; the shape always shows the type.")
@click.option("--size", "size_name", type=click.Choice(["column", "page", "slide"]), default="page",
              show_default=True, help="Figure size: a journal column (89 mm), a full page width (180 mm) "
              "or a 16:9 slide.")
@click.option("--width", type=click.FloatRange(min=40, max=1000), default=None,
              help="Figure width in millimetres (overrides --size).")
@click.option("--dpi", type=click.IntRange(72, 1200), default=300, show_default=True, help="PNG resolution.")
@click.option("--geo", is_flag=True, help="Draw a map of Korea: 시·군·구 shaded by --measure, ties between places.")
@click.option("--measure", type=click.Choice(["ties", "agreements", "programme"]), default=None,
              help="With --geo: what shades a government (default: programme with --program, else ties).")
@click.option("--date", "geo_date", default=None, metavar="DATE",
              help="With --geo: the day whose governments and offices are drawn (default: today).")
@store_option
def map_command(output, actor, depth, since, until, province, program, types, levels, fmt, title, color, size_name,
                width, dpi, geo, measure, geo_date, store_location):
    """Draw the cooperation network as an offline HTML map (pyvis) or a figure.

    Views: the whole network (filtered by --province, --type, --since/--until),
    an actor's ego network (--actor X --depth 2), or a programme's participants
    (--program 교육발전특구, participants grouped by 시·도). Node colour and shape
    show the type (or --color community|province), size the betweenness
    centrality, edge colour the kind of tie and its width the number of ties;
    the title, subtitle and legend say what is shown;
    tooltips list the agreements, events and programmes behind a tie with
    dates and links to the sources. The page needs no network connection.

    \b
        edugraph map -o network.html
        edugraph map -o gimpo.html --actor 김포시 --depth 2
        edugraph map -o edz.svg --program 교육발전특구 --size column
    """
    from pathlib import Path

    from .viz.maps import build_view, write_map

    suffix = Path(output).suffix.lower()
    if suffix not in (".html", ".htm", ".png", ".svg"):
        raise click.ClickException(f"{output}: a map is written as .html, a figure as .png or .svg; "
                                   f"give the file one of these extensions")
    fmt = fmt or ("html" if suffix in (".html", ".htm") else suffix.lstrip("."))
    if (fmt == "html") != (suffix in (".html", ".htm")) or (fmt != "html" and suffix.lstrip(".") != fmt):
        raise click.ClickException(f"{output}: --format {fmt} does not match the file's extension {suffix}")
    flt = _network_filter(since, until, province, program, types, levels)
    if geo:
        from .viz.geo import build_geo_view, render_geo_html, write_geo_figure

        if actor:
            raise click.ClickException("--geo draws the whole country; leave out --actor (or drop --geo)")
        with _open(store_location) as store:
            view = build_geo_view(store, flt, measure=measure, title=title, date=geo_date)
        if fmt == "html":
            Path(output).write_text(render_geo_html(view), encoding="utf-8")
        else:
            write_geo_figure(view, output, fmt, dpi=dpi, size=size_name, width_mm=width)
        click.echo(f"{output}: {len(view.values)} governments shaded, {len(view.ties)} ties drawn, "
                   f"{Path(output).stat().st_size / 1024:.0f} KB", err=True)
        return
    if measure or geo_date:
        raise click.ClickException("--measure and --date go with --geo")
    with _open(store_location) as store:
        view = build_view(store, flt, actor=actor, depth=depth, title=title, color=color)
    if fmt == "html":
        size = write_map(view, output)
    else:
        from .viz.figures import write_figure

        write_figure(view, output, fmt, size=size_name, width_mm=width, dpi=dpi)
        size = Path(output).stat().st_size
    click.echo(f"{output}: {view.graph.number_of_nodes()} actors, {view.graph.number_of_edges()} ties, "
               f"{size / 1024:.0f} KB", err=True)


EXPORT_FORMATS = ["json", "csv", "cypher", "neo4j-admin", "graphml", "gexf", "browser"]


@main.command()
@click.option("--format", "fmt", required=True, type=click.Choice(EXPORT_FORMATS), help="What to write.")
@click.option("-o", "--output", required=True, type=click.Path(writable=True),
              help="A file (json, cypher, graphml, gexf) or a folder (csv, neo4j-admin, browser).")
@network_filter_options
@store_option
def export(fmt, output, since, until, province, program, types, levels, store_location):
    """Export the graph for other tools.

    \\b
      json         every node and relationship with its properties
      csv          nodes.csv and relationships.csv (lists as JSON)
      cypher       a Cypher script that recreates the graph in Neo4j (cypher-shell -f)
      neo4j-admin  CSV files with neo4j-admin headers, and IMPORT.txt with the command
      graphml      the cooperation network for Gephi (scalar attributes)
      gexf         the same with yearly time spells for Gephi's timeline
      browser      a GraSS style file and the question catalogue as Neo4j Browser saved queries

    The network filters (--since, --province, …) apply to graphml and gexf.
    """
    from pathlib import Path

    out = Path(output)
    if fmt == "browser":
        from .viz.browser import write_browser_assets

        files = write_browser_assets(out)
        click.echo(f"{out}: {len(files)} files", err=True)
        return
    with _open(store_location) as store:
        if fmt in ("graphml", "gexf"):
            from .queries.network import cooperation_network
            from .viz import gephi

            g = cooperation_network(store, _network_filter(since, until, province, program, types, levels))
            (gephi.write_graphml if fmt == "graphml" else gephi.write_gexf)(g, out)
            click.echo(f"{out}: {g.number_of_nodes()} actors, {g.number_of_edges()} ties", err=True)
            return
        from .graph import export as ex

        nodes, rels = ex.read_graph(store)
        if fmt == "json":
            ex.write_json(nodes, rels, out)
        elif fmt == "csv":
            ex.write_csv(nodes, rels, out)
        elif fmt == "cypher":
            ex.write_cypher_script(nodes, rels, out, store.schema)
        else:
            ex.write_neo4j_admin(nodes, rels, out, store.schema)
    click.echo(f"{out}: {len(nodes)} nodes, {len(rels)} relationships", err=True)
