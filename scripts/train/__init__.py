"""Training of the engine's learned parameters (``make train``).

Each model has one module here with a ``train(records, out_dir) -> Path`` function that writes
its parameters into ``summarizer/data/``; ``python -m scripts.train`` runs them all. Training
reads only :func:`scripts.train.data.training_records`: the People's Daily training corpus and
the THUCNews dev records outside the validation part. The same data gives the same files, byte
for byte (fixed seeds, sorted iteration, rounded floats): ``make train`` then ``git diff`` shows
nothing.
"""
