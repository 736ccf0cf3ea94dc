#!/usr/bin/env bash
# Executes Jupyter notebooks headless in the Deno TypeScript kernel, the way CI does.
#
#   notebooks/run-notebooks.sh [--out DIR] [NOTEBOOK.ipynb ...]
#
# With no notebook given it runs every notebooks/*.ipynb. Executed copies go to DIR (default
# out/notebooks/, gitignored). Prints `PASS file (N s)` or `FAIL file: reason` per notebook and
# exits 1 if any cell of any notebook raised or timed out, 2 on a usage or setup problem.
#
# Needs Debian's `jupyter-nbconvert jupyter-client python3-nbclient` (/usr/bin/jupyter; the pyenv
# python first on PATH has no jupyter) and `npm ci` (the kernel is the npm package deno@2.9.6).
# Nothing is written under $HOME: the kernel spec lives in the repo's .jupyter/ (regenerated each
# run, because it holds this clone's absolute path), Jupyter's config/data/runtime files in a
# temporary directory removed on exit, Deno's module cache in node_modules/.cache/deno.
# nbconvert starts the kernel process and shuts it down when the notebook ends or fails.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JUPYTER=${JUPYTER:-/usr/bin/jupyter}
CELL_TIMEOUT_S=${NOTEBOOK_CELL_TIMEOUT_S:-300}
OUT="$ROOT/out/notebooks"

notebooks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) [ $# -ge 2 ] || { echo "--out needs a directory" >&2; exit 2; }; OUT=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) notebooks+=("$1"); shift ;;
  esac
done
if [ ${#notebooks[@]} -eq 0 ]; then
  shopt -s nullglob
  notebooks=("$ROOT"/notebooks/*.ipynb)
  shopt -u nullglob
  [ ${#notebooks[@]} -gt 0 ] || { echo "no notebooks in $ROOT/notebooks" >&2; exit 2; }
fi

if [ ! -x "$JUPYTER" ]; then
  echo "$JUPYTER not found: apt-get install -y jupyter-nbconvert jupyter-client python3-nbclient" >&2
  exit 2
fi
DENO="$ROOT/node_modules/.bin/deno"
if [ ! -x "$DENO" ]; then
  echo "$DENO not found: run npm ci" >&2
  exit 2
fi

# The kernel spec `deno jupyter --install` writes (deno 2.9.6), but into the repo: that command
# always writes to ~/.local/share/jupyter and has no prefix option (research/stack.md §8).
KERNELS="$ROOT/.jupyter/kernels/deno"
mkdir -p "$KERNELS"
node -e '
  const [file, deno] = process.argv.slice(1);
  const spec = { argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"], display_name: "Deno", language: "typescript" };
  // Write then rename, so a run starting at the same moment never reads half a file.
  const fs = require("node:fs");
  fs.writeFileSync(`${file}.${process.pid}`, JSON.stringify(spec, null, 2) + "\n");
  fs.renameSync(`${file}.${process.pid}`, file);
' "$KERNELS/kernel.json" "$DENO"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/yumalab-jupyter-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export JUPYTER_PATH="$ROOT/.jupyter"
export JUPYTER_CONFIG_DIR="$scratch/config" JUPYTER_DATA_DIR="$scratch/data" JUPYTER_RUNTIME_DIR="$scratch/runtime" IPYTHONDIR="$scratch/ipython"
export DENO_DIR=${DENO_DIR:-"$ROOT/node_modules/.cache/deno"}
export DENO_NO_UPDATE_CHECK=1 NO_COLOR=1 PYDEVD_DISABLE_FILE_VALIDATION=1

mkdir -p "$OUT"
failed=0
for nb in "${notebooks[@]}"; do
  name=$(basename "$nb")
  log="$scratch/${name%.ipynb}.log"
  start=$(date +%s%N)
  if "$JUPYTER" nbconvert --to notebook --execute \
      --ExecutePreprocessor.kernel_name=deno \
      --ExecutePreprocessor.timeout="$CELL_TIMEOUT_S" \
      --output-dir "$OUT" "$nb" >"$log" 2>&1; then
    rc=0
  else
    rc=$?
  fi
  seconds=$(( ($(date +%s%N) - start) / 1000000 ))
  seconds=$(printf '%d.%01d' $((seconds / 1000)) $(((seconds % 1000) / 100)))
  if [ "$rc" -ne 0 ]; then
    echo "FAIL $nb: nbconvert exited $rc after $seconds s"
    # nbconvert's CellExecutionError names the cell and the kernel's error; keep the tail.
    tail -n 40 "$log" | sed 's/^/  | /'
    failed=1
    continue
  fi
  # nbconvert stops at the first error unless told otherwise; also reject a notebook that
  # recorded an error output or left a code cell unexecuted, in case that changes.
  if ! node -e '
    const nb = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const code = nb.cells.filter((c) => c.cell_type === "code");
    const errors = code.flatMap((c) => (c.outputs ?? []).filter((o) => o.output_type === "error").map((o) => `${o.ename}: ${o.evalue}`));
    const unrun = code.filter((c) => c.execution_count === null && c.source.length > 0).length;
    if (errors.length > 0) console.log(`  | ${errors.join("\n  | ")}`);
    if (unrun > 0) console.log(`  | ${unrun} code cell(s) not executed`);
    process.exitCode = errors.length > 0 || unrun > 0 ? 1 : 0;
  ' "$OUT/$name"; then
    echo "FAIL $nb: error output in $OUT/$name"
    failed=1
    continue
  fi
  echo "PASS $nb ($seconds s)"
done
exit "$failed"
