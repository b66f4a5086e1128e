"""Provides `draftdiff batch`: many pairs of drafts compared in one run.

    manifest.py    the manifest (YAML or CSV) -> the pairs to compare
    pairing.py     folder rules: every file against a template, consecutive versions
                   (by name or date), consecutive git revisions
    job.py         one pair: what a worker does with it (parse, compare, policy, reports)
    summary.py     the one-line JSON summary of a pair, and the worst-first order
    state.py       what a rerun may skip: the finished pairs, by a key of their inputs
    executors.py   where jobs run: a local process pool, or a Dask cluster
    progress.py    the progress bar (a terminal) or periodic lines (anything else)
    runner.py      the whole run: plan, skip what is done, execute, write the outputs

The index page is HTML, so it is built in draftdiff/render/batch_index.py.
"""
