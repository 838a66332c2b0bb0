package jp.sapphire.admin.view;

import java.io.Serializable;
import java.util.UUID;

/**
 * A page that lists definitions and defines or changes one in a form ({@code ?id=} opens one for
 * a change): what every such form holds — the id being changed, the key (fixed once defined) and
 * the name.
 */
public abstract class DefinitionFormBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID id;
    private String key;
    private String name;

    /** Fills the form from the definition being changed, on opening the page. */
    public abstract void load();

    /** Empties the form for the next definition. */
    protected void clear() {
        id = null;
        key = null;
        name = null;
    }

    public boolean isEditing() {
        return id != null;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
