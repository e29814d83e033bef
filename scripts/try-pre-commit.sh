#!/usr/bin/env bash
# Run the factcheck pre-commit hook, as a content repository would, with
# `pre-commit try-repo`: build a small repository of Markdown articles with
# front matter, stage a new article whose figure contradicts the others, and
# run the hook on it. Needs network access to PyPI (pre-commit installs the
# hook's environment). Usage: scripts/try-pre-commit.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet pre-commit

repo="$work/newsroom"
mkdir -p "$repo/content"
cd "$repo"
git init --quiet
git config user.email "desk@example.com"
git config user.name "Copy desk"
cat > content/trade.md <<'MD'
---
title: Trade soars
date: 2025-03-14
---
Bilateral trade between Russia and China reached $244bn in 2024.
MD
cat > content/explainer.md <<'MD'
---
title: Explainer
date: 2025-03-15
---
Bilateral trade between Russia and China reached $244.6bn in 2024.
MD
git add content && git commit --quiet -m "Existing articles"
cat > content/draft.md <<'MD'
---
title: Draft
date: 2025-03-16
---
Bilateral trade between Russia and China reached $200bn in 2024.
MD
git add content/draft.md

echo "== pre-commit try-repo $here factcheck (staged: content/draft.md)"
set +e
NO_COLOR=1 "$work/venv/bin/pre-commit" try-repo "$here" factcheck --verbose
status=$?
set -e
echo "== exit code $status (1 expected: the draft contradicts two articles)"
