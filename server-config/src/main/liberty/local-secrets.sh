#!/usr/bin/env bash
# Gives a local (developer or test) Liberty server its secrets, once: the master key as files in
# the server's variables/ directory (Liberty reads each as a server variable of the file's name),
# the API token key pair as PEM files in resources/security/ (variables hold one line only).
# A production server gets the same from its environment or mounted secret files; nothing here
# is used there. Existing files are kept, so a restart can still open what was sealed before.
#
# The operators' accounts: one per name given (default: operator), each with a random password
# kept in operators/<name>.password for local tools (the CLI, the tests), and the server's
# registry fragment operators/registry.xml with the passwords hashed by Liberty's securityUtility.
#
#   local-secrets.sh <server directory> [operator name ...]
set -euo pipefail
server="$1"
shift
operators=("${@:-operator}")
vars="$server/variables"
keys="$server/resources/security"
accounts="$server/operators"
mkdir -p "$vars" "$keys" "$accounts"
chmod 700 "$vars" "$accounts"
umask 077

missing() { [ ! -s "$1" ]; }

missing "$vars/sapphire.secrets.key-id" && printf 'local-1' > "$vars/sapphire.secrets.key-id"
missing "$vars/sapphire.secrets.key" && openssl rand -base64 32 | tr -d '\n' > "$vars/sapphire.secrets.key"
# The backup key (AES-256) with its id; kept apart from the master key so either can rotate alone.
missing "$vars/sapphire.backup.key-id" && printf 'backup-local-1' > "$vars/sapphire.backup.key-id"
missing "$vars/sapphire.backup.key" && openssl rand -base64 32 | tr -d '\n' > "$vars/sapphire.backup.key"
if missing "$accounts/registry.xml"; then
    security_utility="$server/../../../bin/securityUtility"
    {
        echo '<server>'
        echo '    <basicRegistry id="operators" realm="SAPPHIRE operators">'
        for name in "${operators[@]}"; do
            missing "$accounts/$name.password" && openssl rand -base64 24 | tr -d '\n' > "$accounts/$name.password"
            hash=$("$security_utility" encode --encoding=hash "$(cat "$accounts/$name.password")")
            echo "        <user name=\"$name\" password=\"$hash\"/>"
        done
        echo '    </basicRegistry>'
        echo '    <administrator-role>'
        for name in "${operators[@]}"; do
            echo "        <user>$name</user>"
        done
        echo '    </administrator-role>'
        echo '</server>'
    } > "$accounts/registry.xml.new"
    mv "$accounts/registry.xml.new" "$accounts/registry.xml"
fi
if missing "$keys/api-signing-key.pem"; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/api-signing-key.pem" 2>/dev/null
    openssl pkey -in "$keys/api-signing-key.pem" -pubout -out "$keys/api-public-key.pem"
fi
exit 0
