package jp.sapphire.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * Hands {@link UUID} values to PostgreSQL's {@code uuid} columns as they are, {@code null} included.
 * EclipseLink's own UUID converter in the version Open Liberty ships cannot read a NULL
 * (eclipse-ee4j/eclipselink#2768, fixed after it); this one takes its place for every UUID
 * attribute that is not an id.
 */
@Converter(autoApply = true)
public class UuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(UUID stored) {
        return stored;
    }
}
