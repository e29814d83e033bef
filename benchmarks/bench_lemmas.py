"""What simplemma costs us: import, the first English call (it loads the dictionary), lookups per second.

    python benchmarks/bench_lemmas.py

Also checks that lemmatising needs no network: socket connections raise.
"""

from __future__ import annotations

import socket
import time


def _no_network(*_args: object, **_kwargs: object) -> None:
    raise RuntimeError("simplemma tried to use the network")


def main() -> None:
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    started = time.perf_counter()
    import simplemma

    imported = time.perf_counter()
    simplemma.lemmatize("cars", lang="en")
    first = time.perf_counter()
    words = ["cars", "derailed", "fatalities", "medals", "executives", "sacked", "houses", "losses", "spans"] * 20000
    begin = time.perf_counter()
    for word in words:
        simplemma.lemmatize(word, lang="en")
    end = time.perf_counter()
    print(f"import: {1000 * (imported - started):.0f} ms")
    print(f"first English lemma (loads the dictionary): {1000 * (first - imported):.0f} ms")
    print(f"lookups: {len(words) / (end - begin):,.0f} a second")
    print(f"fatalities -> {simplemma.lemmatize('fatalities', lang='en')} (no network used)")


if __name__ == "__main__":
    main()
