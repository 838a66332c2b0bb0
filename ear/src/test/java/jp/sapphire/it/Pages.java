package jp.sapphire.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Working a Faces page without a browser: its view state, its forms, what it shows. */
public final class Pages {

    private Pages() {
    }

    public static String viewState(String page) {
        Matcher matcher = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("page has a view state").isTrue();
        return matcher.group(1);
    }

    /**
     * The page's Content-Security-Policy nonce, which PrimeFaces' script puts into every form of
     * the page and the server expects back with each postback.
     */
    public static String nonce(String page) {
        Matcher matcher = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").matcher(page);
        assertThat(matcher.find()).as("page has a CSP nonce").isTrue();
        return matcher.group(1);
    }

    /**
     * What a browser posts when {@code button} of form {@code formId} on this page is pressed. A
     * PrimeFaces menu, checkbox or date picker posts its value under its id with {@code _input}:
     * a field given by its id is posted under that name when the page has it.
     */
    private static Map<String, String> postback(String page, String formId, String button, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(formId + "_SUBMIT", "1");
        fields.forEach((field, value) -> {
            String name = formId + ":" + field;
            boolean prime = !page.contains("name=\"" + name + "\"") && page.contains("name=\"" + name + "_input\"");
            form.put(prime ? name + "_input" : name, value);
        });
        form.put(formId + ":" + button, "x");
        form.put("jakarta.faces.ViewState", viewState(page));
        form.put("primefaces.nonce", nonce(page));
        return form;
    }

    /**
     * Submits form {@code formId} of the page at {@code url} (fetched first, for its view state),
     * pressing {@code button}, with these field values (ids without the form prefix).
     */
    public static HttpResponse<String> submit(Browser browser, String url, String formId, String button,
                                              Map<String, String> fields) {
        HttpResponse<String> page = browser.get(url);
        assertThat(page.statusCode()).as(url).isEqualTo(200);
        return browser.post(url, postback(page.body(), formId, button, fields));
    }

    /**
     * Posts form {@code formId} of a page fetched before (its view state, which must still be
     * known to whichever server takes the request), pressing {@code button}.
     */
    public static HttpResponse<String> postBack(Browser browser, String url, String page, String formId, String button,
                                                Map<String, String> fields) {
        return browser.post(url, postback(page, formId, button, fields));
    }

    /**
     * Submits multipart form {@code formId} of the page at {@code url} with a file in field
     * {@code fileField} and these other field values, pressing {@code button}.
     */
    public static HttpResponse<String> upload(Browser browser, String url, String formId, String button,
                                              Map<String, String> fields, String fileField, String filename, byte[] content) {
        HttpResponse<String> page = browser.get(url);
        assertThat(page.statusCode()).as(url).isEqualTo(200);
        String boundary = "----sapphire" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> form = postback(page.body(), formId, button, fields);
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        form.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + formId + ":" + fileField
                + "\"; filename=\"" + filename + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(utf8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return browser.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** The words of a page as a reader sees them: no tags, each run of white space one space. */
    public static String words(String page) {
        return page.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    /** The text of the element with this id, if the page has it. */
    public static Optional<String> text(String page, String id) {
        Matcher matcher = Pattern.compile("<(\\w+)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(page);
        if (!matcher.find()) {
            return Optional.empty();
        }
        // Up to the element's end: the first closing tag of its name (a message's text sits in spans of a div or span).
        int end = page.indexOf("</" + matcher.group(1) + ">", matcher.end());
        return Optional.of(words(page.substring(matcher.end(), end < 0 ? page.length() : end)).strip());
    }
}
