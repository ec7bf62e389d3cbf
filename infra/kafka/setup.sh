#!/bin/sh
# One-shot set-up of the compose broker, as the admin user: topics from topics.conf, ACLs from acls.conf.
# Idempotent (runs on every `docker compose up`). Needs SASL_PASSWORD_ADMIN and KAFKA_BOOTSTRAP.
set -eu
BIN=/opt/kafka/bin
CONF=/etc/reconcraft/kafka
ADMIN=/tmp/admin.properties
cat > "$ADMIN" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${SASL_PASSWORD_ADMIN}";
PROPS

grep -v '^#' "$CONF/topics.conf" | while read -r topic partitions policy; do
  [ -n "$topic" ] || continue
  if [ "$policy" = "compact" ]; then
    "$BIN/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN" \
      --create --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor 1 \
      --config cleanup.policy=compact
    continue
  fi
  "$BIN/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN" \
    --create --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor 1
  "$BIN/kafka-topics.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN" \
    --create --if-not-exists --topic "$topic.dlt" --partitions 1 --replication-factor 1
done

grep -v '^#' "$CONF/acls.conf" | while read -r user what name; do
  [ -n "$user" ] || continue
  case "$what" in
    consume) set -- --operation Read --operation Describe --topic "$name" ;;
    produce) set -- --operation Write --operation Describe --topic "$name" ;;
    group)   set -- --operation Read --group "$name" ;;
    monitor) set -- --operation Describe --topic "$name" --group "$name" ;;
    *) echo "acls.conf: unknown permission $what" >&2; exit 1 ;;
  esac
  "$BIN/kafka-acls.sh" --bootstrap-server "$KAFKA_BOOTSTRAP" --command-config "$ADMIN" \
    --add --allow-principal "User:$user" "$@"
done
echo "topics and ACLs in place"
