#!/usr/bin/env bash
# The manual page and the bash completion say what `qingdan --help` says:
#   * packaging/qingdan.1 formats without a groff warning (no line it
#     cannot break: Chinese has no spaces);
#   * every option of every command's --help is in the manual page;
#   * the completion offers, for each command (and each command of a command,
#     "registry restore"), exactly the options of its --help, and the commands
#     where a command is due (run through bash-completion); the manual page
#     describes every command.
# Usage: man_and_completion_test.sh QINGDAN_BINARY SOURCE_DIR
set -uo pipefail
qingdan=$1 source_dir=$2
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

man_src="$source_dir/packaging/qingdan.1"
warnings=$(groff -k -man -Tutf8 -ww -z "$man_src" 2>&1)
[[ -z $warnings ]] || fail "groff warns on qingdan.1: $warnings"
man_text=$(groff -k -man -Tutf8 "$man_src" 2>/dev/null | col -b)

# The options a help text lists, sorted: long ones, and short ones as -x.
options_of() { grep -oE -- '(^|[ ,])--?[A-Za-z][A-Za-z-]*' <<<"$1" | sed 's/^[ ,]//' | sort -u; }

# What the completion offers for `qingdan WORDS… CUR`.
complete_words() {
  bash -c '
    source /usr/share/bash-completion/bash_completion
    source "$1"; shift
    COMP_WORDS=(qingdan "$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    COMP_LINE="${COMP_WORDS[*]}"; COMP_POINT=${#COMP_LINE}
    _qingdan qingdan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' _ "$source_dir/packaging/qingdan.bash-completion" "$@" | sort -u
}

top_help=$("$qingdan" --help)
want=$(options_of "$top_help")
got=$(complete_words - | grep -- '^-')
[[ $want == "$got" ]] || fail "top level: completion offers [$(echo $got)], --help lists [$(echo $want)]"
# The commands a help text lists under 命令:.
commands_of() { sed -n '/^命令:/,/^$/p' <<<"$1" | awk 'NR > 1 && NF { print $1 }'; }
commands=$(commands_of "$top_help")
[[ -n $commands ]] || fail "qingdan --help lists no commands"
got=$(complete_words '')
for cmd in $commands; do
  grep -qx "$cmd" <<<"$got" || fail "the completion does not offer the command $cmd"
  grep -qe "$cmd" <<<"$man_text" || fail "the manual page does not describe the command $cmd"
done

# Every command, and the commands of a command ("registry restore").
all=()
for cmd in $commands; do
  subs=$(commands_of "$("$qingdan" "$cmd" --help)")
  if [[ -n $subs ]]; then
    got=$(complete_words "$cmd" '')
    for sub in $subs; do
      grep -qx "$sub" <<<"$got" || fail "the completion does not offer $cmd $sub"
      grep -qe "$cmd $sub" <<<"$man_text" || fail "the manual page does not describe $cmd $sub"
      all+=("$cmd $sub")
    done
  else
    all+=("$cmd")
  fi
done

for words in "${all[@]}"; do
  read -r -a cmd <<<"$words"
  help=$("$qingdan" "${cmd[@]}" --help) || fail "$words --help failed"
  want=$(options_of "$help")
  got=$(complete_words "${cmd[@]}" -)
  [[ $want == "$got" ]] || fail "$words: completion offers [$(echo $got)], --help lists [$(echo $want)]"
  for opt in $want; do
    grep -qe "$opt" <<<"$man_text" || fail "$words: the manual page does not describe $opt"
  done
  echo "$words: $(wc -w <<<"$want") options in --help, the completion and the manual page"
done

((fails == 0)) && echo PASSED || echo "FAILED ($fails)"
exit $((fails > 0))
