#!/usr/bin/env bash
# Draws the import graph of the production code, one box per folder (stand-ins apart), as
# docs/import-graph.md (a mermaid chart GitHub renders). The rules are in .ci/layers.cjs;
# `npm run layers` checks them, this only draws. Tests, test helpers and tools are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/import-graph.md
graph=$(npx depcruise --config .ci/layers.cjs --output-type mermaid --include-only "^(api|web)/" \
  --collapse "^(api/(stand-ins/[^/]+|[^/]+)|web)" \
  --exclude "[.]test[.]tsx?$|[.]e2e[.]ts$|^web/e2e/|^api/test-support/|^api/bench/|^api/licences/|__generated__" \
  api web)
{
  echo "# Import graph"
  echo
  echo "Drawn by \`npm run layers:graph\` (.ci/layers-graph.sh) from the code; do not edit by hand. An arrow is"
  echo "\"imports\"; the rules it must keep are in [architecture.md](architecture.md#the-layer-rules) and"
  echo "\`.ci/layers.cjs\`, checked by \`npm run layers\`. Tests, test helpers and tools are left out."
  echo
  echo '```mermaid'
  echo "$graph"
  echo '```'
} > "$out"
echo "wrote $out"
