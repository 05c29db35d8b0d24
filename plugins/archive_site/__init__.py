"""What the archive's plugins share: not a plugin itself (nothing to register), but the
contracts between them, in one place, as Pelican's own `signals.py` is for Pelican.

- atomic: files written whole or not at all (every cache and manifest of the build).
- build: one build's state, shared between signals (instead of module globals).
- contracts: what one plugin expects of another's objects (DataWriter).
- pelican_internals: the one place that uses Pelican internals (tested).
- slugs: the one slugifier (Pelican's, transliterated) of speakers, guard and importer.
"""
