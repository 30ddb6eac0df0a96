#!/bin/sh
# One-shot: creates LawGate's Temporal namespace and registers LawGate's custom search attributes
# (libs/domain/src/search-attributes.ts). The API and the worker also register the attributes at boot
# (TEMPORAL_REGISTER_SEARCH_ATTRIBUTES=true); doing it here too means the Web UI and CLI can query them at once.
# Idempotent: an existing namespace is kept, and already registered attributes are skipped by the server.
set -eu

: "${TEMPORAL_ADDRESS:=temporal:7233}"
: "${NAMESPACE:=default}"
: "${NAMESPACE_RETENTION:=30d}"

host=${TEMPORAL_ADDRESS%:*}
port=${TEMPORAL_ADDRESS##*:}
# Talk to the IPv4 address: the same work-around as temporalio/samples-server's compose scripts.
ip=$(getent ahosts "$host" | awk '/STREAM/ { print $1; exit }' || true)
address="${ip:-$host}:$port"

echo "Waiting for the Temporal frontend at $TEMPORAL_ADDRESS ($address)..."
attempt=0
until temporal operator cluster health --address "$address" >/dev/null 2>&1; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 60 ]; then
    echo "Temporal did not become healthy" >&2
    exit 1
  fi
  sleep 2
done

if temporal operator namespace describe --namespace "$NAMESPACE" --address "$address" >/dev/null 2>&1; then
  echo "Namespace '$NAMESPACE' exists"
else
  temporal operator namespace create --namespace "$NAMESPACE" --retention "$NAMESPACE_RETENTION" --address "$address"
  echo "Namespace '$NAMESPACE' created (retention of closed workflows: $NAMESPACE_RETENTION)"
fi

temporal operator search-attribute create --namespace "$NAMESPACE" --address "$address" \
  --name LawGateProcedureType --type Keyword \
  --name LawGateStage --type Keyword \
  --name LawGateDepartment --type Keyword \
  --name LawGateDueTime --type Datetime \
  --name LawGateDocumentNumber --type Keyword \
  --name LawGateCaseNumber --type Keyword
temporal operator search-attribute list --namespace "$NAMESPACE" --address "$address"
echo 'LawGate search attributes registered'
