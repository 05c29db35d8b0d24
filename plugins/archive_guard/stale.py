"""Remove from the output folder the files an earlier build wrote and this one did not.

The local build keeps the output folder between builds (the incremental writer leaves
unchanged pages as they are), so a deleted article would leave its page, its
`.annotations.json`, its tag and speaker pages behind. Each build records the files it
produced in CACHE_PATH/output-manifest.json, per output folder (by absolute path):
every page and data file its writer wrote or left unchanged, and the content's static
files. When the last generator has written its files (before `finalized`, so Pagefind
and the service worker never see a stale page), the files listed by the previous
build and not by this one are deleted, with an INFO count; folders left empty go too.

Never removed: a file no build of ours listed, anything outside the output folder
(paths are checked after following links), the Pagefind bundle (it cleans its own
folder), and a file modified since this build began (something else wrote it).
A build that fails keeps the previous manifest.

Relies on Pelican internals: the files its writer opened, feeds included
(`archive_site.pelican_internals.written_files`), and that Pelican runs
`generate_output(writer)` of the generators in the order `all_generators_finalized`
lists them (StaticGenerator last). The incremental plugin's writer tells which pages it
left unchanged in its `new` mapping.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import time

from archive_site import atomic, pelican_internals

logger = logging.getLogger(__name__)

MANIFEST = "output-manifest.json"
#: Seconds a file's time may lag behind the clock (the kernel stamps files coarsely).
CLOCK_SLACK = 0.05


def remove_after_writing(generators) -> None:
    """Have the last generator that writes remove the stale files once it has written."""
    writing = [g for g in generators if hasattr(g, "generate_output")]
    if not writing:
        return
    last = writing[-1]
    last.generate_output = _then_remove_stale(last.generate_output, generators, time.time())


def _then_remove_stale(generate_output, generators, started: float):
    def generate_then_remove_stale(writer):
        result = generate_output(writer)
        generator = generators[-1]
        try:
            remove_stale(writer, generators, generator.settings, generator.output_path, started)
        except OSError as err:
            logger.warning("stale output files were not removed: %s", err)
        return result

    return generate_then_remove_stale


def produced(writer, generators, output: str) -> set[str]:
    """The files this build produced: paths relative to the output folder, with '/'."""
    names = set()
    paths = pelican_internals.written_files(writer)
    for name in getattr(writer, "new", {}):
        if os.path.isabs(name):
            paths.append(name)
        elif (relative := posixpath.normpath(name.replace(os.sep, "/"))) != "." and not (
            relative == ".." or relative.startswith("../")
        ):
            names.add(relative)  # a page's name: relative already (no path made and undone)
    for generator in generators:
        paths += [os.path.join(output, s.save_as) for s in getattr(generator, "staticfiles", ())]
    for path in paths:
        name = inside(output, path)
        if name is not None:
            names.add(name)
    return names


def inside(output: str, path: str) -> str | None:
    """The path relative to the output folder, or None when it is not inside it."""
    relative = os.path.relpath(os.path.abspath(path), output)
    if relative == "." or relative.startswith("..") or os.path.isabs(relative):
        return None
    return relative.replace(os.sep, "/")


def remove_stale(writer, generators, settings, output_path: str, started: float) -> int:
    """Delete what the previous build of this output listed and this one did not;
    record this build's files. Returns how many files were removed."""
    output = os.path.realpath(output_path)
    manifest = os.path.join(settings.get("CACHE_PATH") or "cache", MANIFEST)
    outputs = load(manifest)
    now = produced(writer, generators, os.path.abspath(output_path))
    bundle = str(settings.get("PAGEFIND_OUTPUT") or "pagefind").strip("/")
    removed, kept = [], set()
    for name in sorted(set(outputs.get(output, ())) - now):
        if not isinstance(name, str) or name.split("/", 1)[0] == bundle:
            continue
        path = os.path.join(output, name)
        if inside(output, os.path.realpath(path)) is None or ".." in name.split("/"):
            continue  # never outside the output folder, even through a link
        try:
            info = os.lstat(path)
        except FileNotFoundError:
            continue
        if os.path.isdir(path) and not os.path.islink(path):
            continue
        if info.st_mtime >= started - CLOCK_SLACK:
            continue  # written while this build ran, by something other than its writer
        try:
            os.unlink(path)
        except OSError as err:
            logger.warning("cannot remove stale %s: %s", path, err)
            kept.add(name)
            continue
        removed.append(name)
        logger.debug("removed stale %s", path)
        prune(os.path.dirname(path), output, bundle)
    if removed:
        logger.info(
            "Removed %d stale %s from %s: an earlier build wrote them, this one did not",
            len(removed),
            "file" if len(removed) == 1 else "files",
            output_path,
        )
    outputs[output] = sorted(now | kept)
    save(manifest, outputs)
    return len(removed)


def prune(folder: str, output: str, bundle: str) -> None:
    """Remove the folder and its parents while they are empty, up to the output folder."""
    while (name := inside(output, folder)) is not None and name.split("/", 1)[0] != bundle:
        try:
            os.rmdir(folder)
        except OSError:
            return  # not empty
        folder = os.path.dirname(folder)


def load(manifest: str) -> dict[str, list]:
    try:
        with open(manifest, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):
        return {}
    outputs = data.get("outputs") if isinstance(data, dict) else None
    if not isinstance(outputs, dict):
        return {}
    return {key: names for key, names in outputs.items() if isinstance(names, list)}


def save(manifest: str, outputs: dict[str, list]) -> None:
    """Write the manifest whole or not at all (a build killed while writing it leaves
    the previous one)."""
    data = json.dumps({"version": 1, "outputs": outputs}, indent=0, sort_keys=True)
    try:
        atomic.write_bytes(manifest, data.encode("utf-8"))
    except OSError as err:
        logger.warning("cannot save %s: %s", manifest, err)
