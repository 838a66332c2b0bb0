package jp.sapphire.backup.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * What one generation holds: its number, whether it is full or builds on the generation before
 * ({@code base}), when (UTC) and where it was made, the key that sealed it, the range of change
 * numbers it covers, and per table its key columns, rows and chunks with their SHA-256. Stored as
 * JSON beside a MAC ({@link BackupKeys#mac}).
 *
 * @param epoch  changes when the database is restored live: an incremental generation only
 *               follows one of the same epoch
 * @param format how a table's rows are written: {@link #JSON_LINES} (generations of schema 34 and
 *               earlier; a manifest without the field) or {@link #COPY_TEXT}; an incremental
 *               generation only follows one of the same format
 */
public record Manifest(long generation, Kind kind, Long base, Instant createdAt, String location, String keyId,
                       String epoch, String schemaVersion, long fromSeq, long toSeq, List<TablePart> tables,
                       TablePart tombstones, int format) {

    public static final String NAME = "manifest.json";
    public static final String MAC = "manifest.mac";
    /** A row per line as a JSON object of column names and values. */
    public static final int JSON_LINES = 1;
    /** A row per line as PostgreSQL's COPY text format writes it, columns in the order of {@link TablePart#columns}. */
    public static final int COPY_TEXT = 2;
    /** The format backups write. */
    public static final int FORMAT = COPY_TEXT;

    public enum Kind { FULL, INCREMENTAL }

    /** One sealed blob: its name in the generation, rows, SHA-256 of the sealed bytes, size. */
    public record Chunk(String name, long rows, String sha256, long bytes) {
    }

    /**
     * A table's part of a generation: its rows changed (or all, in a full one).
     *
     * @param key          primary key columns
     * @param tenantColumn {@code tenant_id}, {@code id} for the tenant registry, or null for
     *                     provider-side tables
     * @param columns      the columns of a row in {@link #COPY_TEXT}; empty in {@link #JSON_LINES},
     *                     whose rows name their columns, and for tombstones (JSON lines always)
     */
    public record TablePart(String table, List<String> key, String tenantColumn, List<String> columns, long rows,
                            List<Chunk> chunks) {
    }

    public long rows() {
        return tables.stream().mapToLong(TablePart::rows).sum();
    }

    public long bytes() {
        return tables.stream().flatMap(t -> t.chunks().stream()).mapToLong(Chunk::bytes).sum()
                + tombstones.chunks().stream().mapToLong(Chunk::bytes).sum();
    }

    public byte[] toJson() {
        JsonArrayBuilder parts = Json.createArrayBuilder();
        tables.forEach(part -> parts.add(json(part)));
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("generation", generation)
                .add("kind", kind.name())
                .add("createdAt", createdAt.toString())
                .add("location", location)
                .add("keyId", keyId)
                .add("epoch", epoch)
                .add("schemaVersion", schemaVersion)
                .add("fromSeq", fromSeq)
                .add("toSeq", toSeq)
                .add("tables", parts)
                .add("tombstones", json(tombstones))
                .add("format", format);
        if (base == null) {
            json.addNull("base");
        } else {
            json.add("base", base);
        }
        return json.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Manifest fromJson(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            JsonObject json = reader.readObject();
            return new Manifest(json.getJsonNumber("generation").longValue(), Kind.valueOf(json.getString("kind")),
                    json.isNull("base") ? null : json.getJsonNumber("base").longValue(),
                    Instant.parse(json.getString("createdAt")), json.getString("location"), json.getString("keyId"),
                    json.getString("epoch"), json.getString("schemaVersion"),
                    json.getJsonNumber("fromSeq").longValue(), json.getJsonNumber("toSeq").longValue(),
                    json.getJsonArray("tables").getValuesAs(JsonObject.class).stream().map(Manifest::part).toList(),
                    part(json.getJsonObject("tombstones")), json.getInt("format", JSON_LINES));
        }
    }

    private static JsonObjectBuilder json(TablePart part) {
        JsonArrayBuilder key = Json.createArrayBuilder();
        part.key().forEach(key::add);
        JsonArrayBuilder chunks = Json.createArrayBuilder();
        part.chunks().forEach(chunk -> chunks.add(Json.createObjectBuilder().add("name", chunk.name())
                .add("rows", chunk.rows()).add("sha256", chunk.sha256()).add("bytes", chunk.bytes())));
        JsonArrayBuilder columns = Json.createArrayBuilder();
        part.columns().forEach(columns::add);
        JsonObjectBuilder json = Json.createObjectBuilder().add("table", part.table()).add("key", key)
                .add("columns", columns).add("rows", part.rows()).add("chunks", chunks);
        return part.tenantColumn() == null ? json.addNull("tenantColumn") : json.add("tenantColumn", part.tenantColumn());
    }

    private static TablePart part(JsonObject json) {
        return new TablePart(json.getString("table"),
                strings(json.getJsonArray("key")),
                json.get("tenantColumn").getValueType() == JsonValue.ValueType.NULL ? null : json.getString("tenantColumn"),
                json.containsKey("columns") ? strings(json.getJsonArray("columns")) : List.of(),
                json.getJsonNumber("rows").longValue(),
                json.getJsonArray("chunks").getValuesAs(JsonObject.class).stream()
                        .map(c -> new Chunk(c.getString("name"), c.getJsonNumber("rows").longValue(), c.getString("sha256"),
                                c.getJsonNumber("bytes").longValue()))
                        .toList());
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
