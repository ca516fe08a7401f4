#!/usr/bin/env bash
# Runs what README.md marks for checking, exactly as written, so that every command in it is
# known to work. A marker is an HTML comment on its own line; it applies to the fenced block
# that follows it:
#
#   <!-- check: run -->            each command of the block is run from the repository root
#                                  and must succeed
#   <!-- check: run local-repo -->  the same, with a private local Maven repository (see below)
#   <!-- check: run consumer -->   run in the example project assembled from the blocks below,
#                                  with the private local Maven repository
#   <!-- check: file PATH -->      the block is written to PATH in the example project
#   <!-- check: fashion-mnist -->  run as `run` when Fashion-MNIST is installed in
#                                  /usr/share/datasets/fashion-mnist; otherwise each command must
#                                  fail with the message that says how to install it
#   <!-- check: excerpt FILE -->   every line of the block other than "..." is a line of FILE
#                                  (a generated source, say), in the same order
#
# A command is a line of the block that is neither empty nor a comment; a line ending in a
# backslash continues on the next. The private local repository keeps `mvn install` away from
# ~/.m2: it starts as a copy of ~/.m2/repository without dev/dendrite (jars hard-linked, other
# files copied) and is removed at the end.
#
# Usage: docs/check-readme-commands.sh [README.md]
set -euo pipefail
cd "$(dirname "$0")/.."
readme=${1:-README.md}
fashion_folder=${FASHION_MNIST_FOLDER:-/usr/share/datasets/fashion-mnist}  # overridden only to test this script

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
consumer="$work/consumer"
local_repo="$work/m2"
mkdir -p "$consumer"

seed_local_repo() {
  [ -d "$local_repo" ] && return
  mkdir -p "$local_repo"
  local source="$HOME/.m2/repository"
  [ -d "$source" ] || return 0
  echo "(seeding a private local Maven repository from $source)"
  (cd "$source" && find . -path ./dev/dendrite -prune -o -type f -print) | while IFS= read -r f; do
    mkdir -p "$local_repo/$(dirname "$f")"
    if [[ $f == *.jar ]]; then
      ln "$source/$f" "$local_repo/$f" 2>/dev/null || cp "$source/$f" "$local_repo/$f"
    else
      cp "$source/$f" "$local_repo/$f"
    fi
  done
}

checked=0
failures=0

fail() {
  echo "FAILED: $*" >&2
  failures=$((failures + 1))
}

# Runs one command in a directory; mode is plain, local-repo or expect-missing-fashion.
run_command() {
  local dir=$1 mode=$2 command=$3
  echo
  echo "\$ $command"
  checked=$((checked + 1))
  local opts=${MAVEN_OPTS:-}
  if [ "$mode" = local-repo ]; then
    seed_local_repo
    opts="$opts -Dmaven.repo.local=$local_repo"
  fi
  if [ "$mode" = expect-missing-fashion ]; then
    local output status=0
    output=$(cd "$dir" && MAVEN_OPTS="$opts" bash -c "$command" 2>&1 </dev/null) || status=$?
    echo "$output" | tail -5
    if [ "$status" -eq 0 ]; then
      fail "$command succeeded without Fashion-MNIST"
    elif ! grep -q "apt-get install dataset-fashion-mnist" <<<"$output"; then
      fail "$command did not say how to install Fashion-MNIST"
    fi
    return
  fi
  if ! (cd "$dir" && MAVEN_OPTS="$opts" bash -c "$command" </dev/null); then
    fail "$command"
  fi
}

# Checks that the lines of the block (other than "...") are lines of the file, in order.
check_excerpt() {
  local file=$1 block=$2
  checked=$((checked + 1))
  echo
  echo "excerpt of $file"
  if [ ! -f "$file" ]; then
    fail "$file does not exist (build first)"
    return
  fi
  local line number=0 found
  while IFS= read -r line; do
    [ "$(echo "$line" | tr -d ' ')" = "..." ] && continue
    [ -z "$line" ] && continue
    found=$(tail -n +"$((number + 1))" "$file" | grep -n -x -F -- "$line" | head -1 | cut -d: -f1) || true
    if [ -z "$found" ]; then
      fail "line not found in $file after line $number: $line"
      return
    fi
    number=$((number + found))
  done <<<"$block"
}

run_block() {
  local marker=$1 block=$2
  read -r -a words <<<"$marker"
  local kind=${words[0]} argument=${words[1]:-}
  case "$kind" in
    file)
      mkdir -p "$(dirname "$consumer/$argument")"
      printf '%s\n' "$block" >"$consumer/$argument"
      echo
      echo "(wrote $argument)"
      return
      ;;
    excerpt)
      check_excerpt "$argument" "$block"
      return
      ;;
  esac
  local dir=. mode=plain
  case "$kind $argument" in
    "run ") ;;
    "run local-repo") mode=local-repo ;;
    "run consumer") dir=$consumer mode=local-repo ;;
    "fashion-mnist ")
      [ -d "$fashion_folder" ] || mode=expect-missing-fashion
      ;;
    *)
      fail "unknown marker: check: $marker"
      return
      ;;
  esac
  local command="" line
  while IFS= read -r line; do
    if [ -n "$command" ]; then
      command="$command"$'\n'"$line"
    else
      [[ -z "${line// /}" || $line =~ ^[[:space:]]*# ]] && continue
      command=$line
    fi
    if [[ $line == *\\ ]]; then
      continue
    fi
    run_command "$dir" "$mode" "$command"
    command=""
  done <<<"$block"
  [ -z "$command" ] || run_command "$dir" "$mode" "$command"
}

marker=""
in_block=false
block=""
while IFS= read -r line || [ -n "$line" ]; do
  if $in_block; then
    if [[ $line =~ ^\`\`\` ]]; then
      in_block=false
      run_block "$marker" "$block"
      marker=""
    else
      block+="${block:+$'\n'}$line"
    fi
  elif [[ $line =~ ^\<\!--\ check:\ (.*)\ --\>$ ]]; then
    marker=${BASH_REMATCH[1]}
  elif [[ -n $marker && $line =~ ^\`\`\` ]]; then
    in_block=true
    block=""
  fi
done <"$readme"

echo
if [ "$failures" -gt 0 ]; then
  echo "$failures of $checked README checks failed" >&2
  exit 1
fi
echo "all $checked README checks passed"
