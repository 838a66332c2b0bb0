#!/usr/bin/env bash
# Gives a local (developer or test) Liberty server its secrets, once: the master key as files in
# the server's variables/ directory (Liberty reads each as a server variable of the file's name),
# the API token key pair as PEM files in resources/security/ (variables hold one line only).
# A production server gets the same from its environment or mounted secret files; nothing here
# is used there. Existing files are kept, so a restart can still open what was sealed before.
#
#   local-secrets.sh <server directory>
set -euo pipefail
vars="$1/variables"
keys="$1/resources/security"
mkdir -p "$vars" "$keys"
chmod 700 "$vars"
umask 077

missing() { [ ! -s "$1" ]; }

missing "$vars/sapphire.secrets.key-id" && printf 'local-1' > "$vars/sapphire.secrets.key-id"
missing "$vars/sapphire.secrets.key" && openssl rand -base64 32 | tr -d '\n' > "$vars/sapphire.secrets.key"
# The backup key (AES-256) with its id; kept apart from the master key so either can rotate alone.
missing "$vars/sapphire.backup.key-id" && printf 'backup-local-1' > "$vars/sapphire.backup.key-id"
missing "$vars/sapphire.backup.key" && openssl rand -base64 32 | tr -d '\n' > "$vars/sapphire.backup.key"
missing "$vars/sapphire.operator.password" && openssl rand -base64 24 | tr -d '\n' > "$vars/sapphire.operator.password"
if missing "$keys/api-signing-key.pem"; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/api-signing-key.pem" 2>/dev/null
    openssl pkey -in "$keys/api-signing-key.pem" -pubout -out "$keys/api-public-key.pem"
fi
exit 0
