package jp.sapphire.platform.view;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import java.util.Map;

/**
 * Keeps PrimeFaces' Content-Security-Policy nonce of a view where every web server can read it
 * (docs/SCALING.md). PrimeFaces puts the nonce of a view into the view map, and a postback must
 * bring it back; MyFaces files such an entry in the HTTP session under a key class of its own that
 * Liberty cannot load when another server reads the session back — the whole session would be lost.
 * So after each render the nonce moves from the view map into this view-scoped bean (one of ours,
 * which serializes), and after a postback restores its view it moves back, before PrimeFaces checks
 * the posted nonce against it in the render phase. The check stays as strict as before.
 */
@ViewScoped
public class ViewNonce implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String KEY = "primefaces.nonce";

    private String nonce;

    String kept() {
        return nonce;
    }

    void keep(String rendered) {
        this.nonce = rendered;
    }

    /** The lifecycle's side: registered in faces-config.xml. */
    public static final class Carrier implements PhaseListener {

        private static final long serialVersionUID = 1L;

        @Override
        public PhaseId getPhaseId() {
            return PhaseId.ANY_PHASE;
        }

        @Override
        public void afterPhase(PhaseEvent event) {
            UIViewRoot root = event.getFacesContext().getViewRoot();
            if (root == null || root.isTransient()) {
                return;
            }
            if (event.getPhaseId() == PhaseId.RESTORE_VIEW && event.getFacesContext().isPostback()) {
                String kept = holder().kept();
                if (kept != null) {
                    root.getViewMap(true).putIfAbsent(KEY, kept);
                }
            } else if (event.getPhaseId() == PhaseId.RENDER_RESPONSE) {
                Map<String, Object> viewMap = root.getViewMap(false);
                if (viewMap != null && viewMap.get(KEY) instanceof String rendered) {
                    holder().keep(rendered);
                    viewMap.remove(KEY);
                }
            }
        }

        @Override
        public void beforePhase(PhaseEvent event) {
            // everything happens after a phase
        }

        private static ViewNonce holder() {
            return CDI.current().select(ViewNonce.class).get();
        }
    }
}
