#!/usr/bin/env bash
# Sets up, builds and runs every test: the unit and end-to-end tests, the floors on the
# labelled sets, the engine asked from eight threads under ThreadSanitizer, a short run of each
# fuzzer, and the same tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
(cd build && ctest --output-on-failure -j"$(nproc)")
# The floors on the labelled sets beside the checkout, where they are: paraphrases, questions
# as people type them, and FAQ documents of other fields imported with no hand edits.
if [ -f ../shared/eval/dev.tsv ]; then
  build/backtalk eval ../shared/eval/dev.tsv --min-accuracy 0.95 --min-rejection 0.90 | tail -n 2
fi
if [ -f ../shared/eval/realistic.tsv ]; then
  build/backtalk eval ../shared/eval/realistic.tsv --min-accuracy 0.88 --max-wrong 0.03 \
    --min-rejection 0.95 | tail -n 2
fi
if [ -d ../shared/eval/import ]; then
  scripts/eval-imports.sh ../shared/eval/import --min-accuracy 0.40 --max-wrong 0.05 \
    --min-rejection 0.75
fi
build/backtalk eval tests/data/paraphrases.tsv --min-accuracy 0.95 --max-wrong 0.02 \
  --min-rejection 0.95 | tail -n 2
build/backtalk eval tests/data/casual.tsv --min-accuracy 0.80 --max-wrong 0.06 \
  --min-rejection 0.85 | tail -n 2
# The engine asked from eight threads at once under ThreadSanitizer: only that test's target is
# built, with shared libraries. setarch -R turns off address randomisation, which some kernels
# set too wide for ThreadSanitizer's memory layout. Any race it sees fails the run (status 66).
cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS=-fsanitize=thread \
  -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DBACKTALK_STATIC_DEPS=OFF -DBACKTALK_BENCH=OFF \
  >/dev/null
cmake --build build-tsan -j"$(nproc)" --target backtalk_engine_tests
setarch "$(uname -m)" -R build-tsan/backtalk_engine_tests \
  --gtest_filter=EngineTest.AskFromEightThreadsAtOnceGivesTheRepliesOfOne
scripts/fuzz.sh --runs 5000
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DBACKTALK_SANITIZE=ON -DBACKTALK_BENCH=OFF >/dev/null
cmake --build build-asan -j"$(nproc)"
(cd build-asan && ctest --output-on-failure -j"$(nproc)")
