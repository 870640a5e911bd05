#!/usr/bin/env bash
# Measures end-to-end ingestion: a local Kestrel site serves N synthetic articles in a feed, one service process
# (the built binary, `serve`) polls, fetches, extracts and stores them; prints articles/s and peak memory for the
# embedded store (SQLite + in-memory Hangfire) and, when NLE_TEST_POSTGRES is set, for PostgreSQL.
# Usage: bash tests/bench-ingest.sh [N]   (default 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
export NLE_INGEST_BENCH="${1:-5000}"
dotnet build NewsLeakExtractor.sln -c Release --nologo -v quiet
dotnet test tests/NewsLeakExtractor.Tests -c Release --no-build --nologo \
  --filter "FullyQualifiedName~ScaleOutTests.Ingestion_throughput" --logger "console;verbosity=detailed" \
  | grep -E "^\s*ingest\[|Passed|Failed|Skipped" || true
