/**
 * Open311 GeoReport v2 at {@code /open311/v2/} (http://wiki.open311.org/GeoReport_v2): {@code discovery},
 * {@code services}, {@code services/{service_code}}, {@code POST requests}, {@code tokens/{token}},
 * {@code GET requests} and {@code requests/{service_request_id}}. JSON by default, XML with the
 * {@code .xml} extension ({@code .json} also accepted); errors are the specification's list of
 * {@code {code, description}} with 400, 403 or 404 (413 for a body over {@code yishi.api.max-body-bytes}).
 *
 * <h2>Mapping</h2>
 * <ul>
 *   <li>{@code service_code} is the category code of the catalogue, {@code jurisdiction_id} the community
 *       code (optional on GET; on POST it, or {@code attribute[community]}, is the community; unknown: 400),
 *       {@code service_request_id} the case number, {@code address} the compound.</li>
 *   <li>{@code status}: {@code closed} for DECLINED and CLOSED, {@code open} otherwise; {@code status_notes}
 *       the latest public timeline entry; {@code agency_responsible} the responsible unit's name;
 *       {@code expected_datetime} the deadline. {@code extensions=true} adds {@code extended_attributes}
 *       (channel, urgency, tier, disposal, status, with their Chinese names) and {@code notes} (the public
 *       timeline).</li>
 *   <li>{@code description} in an answer is the case's public title, never the reporter's free text, which
 *       can carry personal data and is not public in the project's own public view either. A POST's
 *       {@code attribute[title]} is the title; without it, the service name.</li>
 *   <li>Nothing private is answered: no name, phone, e-mail, exact address ({@code address_string}),
 *       coordinates, free-text description or media URL. Cases awaiting review (REGISTERED) are not public,
 *       as in {@code /public/cases}: they are not listed and {@code requests/{id}} answers 404 until the
 *       community has reviewed them.</li>
 * </ul>
 *
 * <h2>Creating requests</h2>
 * A POST (form-encoded) needs an {@code api_key} (403 otherwise): the key an admin issued for the client's channel
 * account through {@code /api/machine-keys} (the same key works on {@code /api}), or a key configured in
 * {@code yishi.open311.keys} as long as no key has been issued for its account; the demo key only works with the
 * embedded H2 database. The report goes through {@code IntakeService.submit} like any other channel's, with the
 * key's channel and account, and the same validation (field errors become 400 errors naming the Open311
 * parameter). No answer names the account.
 * <p><b>Idempotency.</b> Open311 has no external id: each POST is a new report (or, like every channel, a
 * 附议 of an open case of the same category at the same compound) unless the client sends
 * {@code attribute[external_id]}. That id is stored as {@code open311:<account>:<id>}, so the same id from
 * the same key again answers 200 with the original case and registers nothing, and two keys (or the
 * {@code /api} channel) never collide.
 * <p><b>Tokens.</b> Creation is synchronous, so a POST answers with {@code service_request_id} at once. It
 * also answers a {@code token} for clients that use {@code tokens/{token}}: the case number followed by 128
 * bits of an HMAC-SHA256 over it with {@code yishi.open311.token-secret} (a random secret per start when
 * unset). The token is stored nowhere and cannot be derived from the guessable case number; an unknown or
 * altered token answers 404.
 */
package cn.yishi.adapter.inbound.open311;
