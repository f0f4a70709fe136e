#!/usr/bin/env bash
# The NumForge analyzers' share of the build of the generated 100,000-line projects (docs/diagnostics/performance.md).
#
#   docs/diagnostics/measure-build.sh [pairs] [directory]      (defaults: 3 pairs, /tmp/numforge-build-timing)
#
# Writes the planted and the realistic project (BuildTimingProjectTests.WritesTheBuildTimingProjects), warms up the
# compiler server, then builds each project `pairs` times in each configuration, interleaved (each round runs every
# configuration once, in an order that alternates between rounds), and prints the Csc task times, the shares and a
# ReportAnalyzer table. Configurations: off = no NumForge analyzers; on = NumForge analyzers; reporter (planted only)
# = no NumForge analyzers, but the control analyzer that does no analysis and reports the same planted diagnostics.
# The SDK's default analyzers are on in every configuration, as in a user's build.
set -euo pipefail

pairs="${1:-3}"
dir="${2:-/tmp/numforge-build-timing}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

dotnet build "$repo/tests/NumForge.Analyzers.Tests" -c Release -v:q -nologo >/dev/null
NUMFORGE_BUILD_TIMING_DIR="$dir" dotnet test "$repo/tests/NumForge.Analyzers.Tests" -c Release --no-build \
    --filter "FullyQualifiedName~WritesTheBuildTimingProjects" -v:q >/dev/null

# One build; prints "<Csc ms> <warnings in the log>".
build() {
    local project="$1"; shift
    local log
    log="$(dotnet build "$dir/$project" -c Release --no-incremental -nologo -clp:PerformanceSummary "$@")"
    local csc warnings
    # Here-strings, not pipes: an early-exiting reader would kill the writer with SIGPIPE under pipefail.
    csc="$(awk '$2 == "ms" && $3 == "Csc" { v = $1 } END { print v }' <<<"$log")"
    warnings="$(grep -cE 'warning (NF|PLANT)[0-9]+' <<<"$log" || true)"
    if [[ -z "$csc" ]]; then
        echo "no Csc time in the build log of $project $*:" >&2
        tail -20 <<<"$log" >&2
        exit 1
    fi
    echo "$csc $warnings"
}

configs_planted=("off:-p:NumForgeAnalyzers=false" "on:" "reporter:-p:NumForgeAnalyzers=false -p:PlantedReporter=true")
configs_realistic=("off:-p:NumForgeAnalyzers=false" "on:")

# Restore, and load every analyzer into the compiler server once, so no measured build pays for loading or JIT.
for project in planted realistic; do
    dotnet build "$dir/$project" -c Release -nologo -v:q -p:PlantedReporter=true >/dev/null
done

declare -A sum count
results=()
for ((round = 1; round <= pairs; round++)); do
    for project in planted realistic; do
        if [[ "$project" == planted ]]; then configs=("${configs_planted[@]}"); else configs=("${configs_realistic[@]}"); fi
        if ((round % 2 == 0)); then
            reversed=(); for ((k = ${#configs[@]} - 1; k >= 0; k--)); do reversed+=("${configs[k]}"); done
            configs=("${reversed[@]}")
        fi
        for config in "${configs[@]}"; do
            name="${config%%:*}"; args="${config#*:}"
            # shellcheck disable=SC2086
            read -r csc warnings < <(build "$project" $args)
            results+=("$project $name $round $csc $warnings")
            sum["$project $name"]=$(( ${sum["$project $name"]:-0} + csc ))
            count["$project $name"]=$(( ${count["$project $name"]:-0} + 1 ))
            echo "round $round: $project $name Csc ${csc} ms (${warnings} NumForge/control warning lines)" >&2
        done
    done
done

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); dotnet $(dotnet --version)"
echo
echo "| project | configuration | Csc per round (ms) | mean (ms) | vs off |"
echo "|---|---|---|---:|---:|"
for project in planted realistic; do
    off_mean=$(( ${sum["$project off"]} / ${count["$project off"]} ))
    for name in off on reporter; do
        [[ -n "${count["$project $name"]:-}" ]] || continue
        runs=$(printf '%s\n' "${results[@]}" | awk -v p="$project" -v c="$name" '$1 == p && $2 == c { printf "%s%s", sep, $4; sep = ", " }')
        mean=$(( ${sum["$project $name"]} / ${count["$project $name"]} ))
        share=$(awk -v m="$mean" -v o="$off_mean" 'BEGIN { printf "%+.1f%%", 100 * (m - o) / o }')
        echo "| $project | $name | $runs | $mean | $share |"
    done
done

echo
echo "ReportAnalyzer (one build each, analyzers on; seconds summed over callbacks, concurrent threads included):"
for project in planted realistic; do
    echo "-- $project"
    log="$(dotnet build "$dir/$project" -c Release --no-incremental -nologo -v:d -p:ReportAnalyzer=true)"
    { grep -A400 "Total analyzer execution time" <<<"$log" || true; } \
        | { grep -E "Total analyzer execution time|NumForge|NetAnalyzers, Version" || true; } \
        | sed 's/^ *//' | sort -u
done
