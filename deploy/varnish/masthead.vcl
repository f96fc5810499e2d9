vcl 4.1;

# Masthead behind Varnish 7.1 with the xkey vmod (Debian: varnish, varnish-modules).
#
# The app says what may be cached (Cache-Control: public … s-maxage=…) and names each public
# response's cache tags in an `xkey` header. When live content changes it sends
# `PURGE /` with `xkey: <tags>` here, and every object carrying one of the tags goes at once.
# Nothing in this file knows the app's URLs beyond the ones that must never be cached.
#
# {{…}} placeholders are filled in by scripts/varnish.mjs (VCL cannot read the environment);
# to install by hand, replace them and run `varnishd -C -f masthead.vcl` to check the result.

import directors;
import std;
import xkey;

# One health probe for every instance of the app.
# It decides two things: which instances the director sends requests to (a sick one gets none
# until two of its last three probes pass again), and how stale we may serve (see vcl_recv): with
# every instance sick, "serve the last good copy for up to a day" instead of an error page.
probe app_health {
    .request =
        "GET /api/health HTTP/1.1"
        "Host: localhost"
        "User-Agent: Varnish health probe"
        "Connection: close";
    .expected_response = 200;
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    # Count an instance healthy from the start, so the first second does not serve stale.
    .initial = 2;
}

# One backend per instance of the app: scripts/varnish.mjs writes a copy of the block between
# the two "each backend" lines for every instance, named origin_1, origin_2, … (by hand: copy
# it once per instance and fill in the placeholders).
# each backend {
backend {{BACKEND_NAME}} {
    .host = "{{BACKEND_HOST}}";
    .port = "{{BACKEND_PORT}}";
    .connect_timeout = 2s;
    # A page rendered for the first time after a purge may take a moment; never cut it short.
    .first_byte_timeout = 60s;
    .between_bytes_timeout = 10s;
    .probe = app_health;
}
# } each backend

sub vcl_init {
    # Requests go to the healthy instances in turn. Each has every page and action (one build,
    # one database, one shared cache), so any of them may answer any request.
    new origins = directors.round_robin();
{{DIRECTOR_MEMBERS}}
    # For a retry: every instance but the one that just failed, in order (see vcl_backend_error).
{{RETRY_DIRECTORS}}
}

# Who may PURGE. The app runs next to Varnish and purges over loopback; add the addresses of
# other app hosts with MASTHEAD_VARNISH_PURGERS (scripts/varnish.mjs writes them below).
# If a TLS terminator on this host forwards readers over loopback, make it speak the PROXY
# protocol (then client.ip is the reader's address) or every reader would count as loopback.
acl purgers {
    "127.0.0.1";
    "::1";
{{PURGE_ACL}}
}

sub vcl_recv {
    set req.backend_hint = origins.backend();

    # Host names are case-insensitive: one cache entry per site, not per spelling.
    if (req.http.Host) {
        set req.http.Host = std.tolower(req.http.Host);
    } elsif (req.proto == "HTTP/1.1") {
        return (synth(400, "Host header required"));
    }

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey) {
            return (synth(400, "xkey header required"));
        }
        # A hard purge, not xkey.softpurge(): a soft-purged object stays usable as grace, and
        # an unpublished article must never be served again, not even stale while the origin
        # is down. The price is that a purge during an outage leaves that page empty until
        # the origin is back.
        set req.http.X-Purged = xkey.purge(req.http.xkey);
        return (synth(200, "Purged " + req.http.X-Purged));
    }

    # Only this proxy's own view of the client counts: the app trusts X-Forwarded-For from
    # Varnish alone (MASTHEAD_TRUSTED_PROXIES), so whatever the client wrote there is dropped
    # instead of appended to. (Varnish has appended client.ip already; this replaces the list.)
    # With a CDN in front, remove this line and trust the CDN's addresses in the app instead.
    set req.http.X-Forwarded-For = client.ip;

    # Never cached, always sent to the app with the cookies: the newsroom and everything that
    # reads a session, the outside-review links, the API, and any form or server action.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    if (req.url ~ "^/(newsroom|login|set-password)" || req.url ~ "^/(api|review)/") {
        return (pass);
    }
    # Next's client-side navigation and server actions ask for a different representation
    # (the RSC payload) of the same URL; the app keeps its own cache of those.
    if (req.http.Next-Action || req.http.RSC || req.http.Next-Router-Prefetch ||
        req.http.Next-Router-State-Tree || req.http.Next-Router-Segment-Prefetch) {
        return (pass);
    }

    # Everything else is a public page, which never depends on who asks: drop the credentials
    # so that a signed-in reader shares the cached copy, and the origin cannot be tricked into
    # rendering (and us into storing) anything personal.
    unset req.http.Cookie;
    unset req.http.Authorization;

    # Public pages read only `page` and `q` (lib/public/cacheable.ts keys them the same way):
    # any other query parameter (utm_…, a random cache-buster) would only make another copy of
    # the same page and push real pages out of the cache.
    if (req.url ~ "\?") {
        set req.url = regsuball(req.url, "(?<=[?&])(?!(?:page|q)=)[^&]*(?:&|$)", "");
        set req.url = regsub(req.url, "[?&]+$", "");
        set req.url = std.querysort(req.url);
    }

    # The origin compresses itself and says Vary: Accept-Encoding. Varnish runs with
    # http_gzip_support=off, so it stores the origin's own encodings as variants; normalising
    # the header keeps that to at most four variants instead of one per browser's spelling.
    # Both br and gzip are forwarded when the client takes both, so the origin picks the best
    # it has (today gzip; br as soon as it makes br).
    if (req.http.Accept-Encoding) {
        if (req.http.Accept-Encoding ~ "(?i)(^|,)\s*br\s*(,|$|;\s*q=(1|0?\.0*[1-9]))") {
            if (req.http.Accept-Encoding ~ "(?i)(^|,)\s*gzip\s*(,|$|;\s*q=(1|0?\.0*[1-9]))") {
                set req.http.Accept-Encoding = "br, gzip";
            } else {
                set req.http.Accept-Encoding = "br";
            }
        } elsif (req.http.Accept-Encoding ~ "(?i)(^|,)\s*gzip\s*(,|$|;\s*q=(1|0?\.0*[1-9]))") {
            set req.http.Accept-Encoding = "gzip";
        } else {
            unset req.http.Accept-Encoding;
        }
    }

    # Grace: how stale an object we hand out while fetching a fresh one in the background.
    # While an instance is healthy only briefly (a purge removes changed pages anyway); while
    # all are down, the last good copy for up to a day beats an error page.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    } else {
        set req.grace = 24h;
    }
    return (hash);
}

sub vcl_backend_fetch {
    # A retry goes to another instance than the one that just failed: the round robin alone
    # could pick it again (other requests move the turn on meanwhile), and its probe needs a
    # couple of seconds to call it sick. The header is ours only; it never reaches the app.
    if (bereq.retries > 0 && bereq.http.X-Masthead-Failed) {
{{RETRY_CHOICE}}
    }
    unset bereq.http.X-Masthead-Failed;
}

sub vcl_backend_response {
    # An instance answering "unavailable" (draining for a restart, or its gateway gone) hands a
    # GET or HEAD to another instance. A 500 is not retried: it is the page's own error, which
    # another instance would repeat. Never any other method (see vcl_backend_error).
    if (beresp.status >= 502 && beresp.status <= 504 && (bereq.method == "GET" || bereq.method == "HEAD") &&
        bereq.retries < {{MAX_RETRIES}}) {
        set bereq.http.X-Masthead-Failed = beresp.backend.name;
        return (retry);
    }

    # Passed requests (newsroom, sign-in, API, actions): deliver as they are, store nothing.
    if (bereq.uncacheable) {
        return (deliver);
    }

    # A failed background refresh must not replace the good copy we are serving in grace.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }

    # Store only what the app explicitly marks shared-cacheable. A response that sets a
    # cookie, or is not `public`, is personal or volatile: remember it as hit-for-miss, so
    # later requests go straight to the origin instead of queueing behind each other, and
    # nothing of it is ever served to someone else.
    if (beresp.http.Set-Cookie ||
        beresp.http.Cache-Control !~ "(?i)(^|[,\s])public($|[,\s])" ||
        beresp.http.Cache-Control ~ "(?i)(private|no-store|no-cache)" ||
        beresp.http.Vary == "*" ||
        beresp.status >= 500) {
        set beresp.ttl = 120s;
        set beresp.uncacheable = true;
        return (deliver);
    }

    # beresp.ttl already comes from s-maxage (Varnish prefers it over max-age): the long
    # lifetime is safe because every change purges by tag. Grace is set long here and capped
    # per request in vcl_recv; keep lets an expired object be revalidated with a 304.
    set beresp.grace = 24h;
    set beresp.keep = 24h;
    return (deliver);
}

sub vcl_deliver {
    # Whether this answer came from the cache, for readers' tools and the tests; Age stays.
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # The tags and Varnish's own ids are for the cache tier, not readers; a purger (see the
    # ACL) may ask for them with X-Cache-Debug to see what a page is tagged with. The app
    # also names the tags for Fastly (Surrogate-Key) and Cloudflare (Cache-Tag); Varnish is
    # the edge here, so those go too (keep them if a CDN sits in front of this Varnish).
    if (!(req.http.X-Cache-Debug && client.ip ~ purgers)) {
        unset resp.http.xkey;
        unset resp.http.Surrogate-Key;
        unset resp.http.Cache-Tag;
        unset resp.http.Via;
        unset resp.http.X-Varnish;
    }
    return (deliver);
}

sub vcl_synth {
    # Purge answers are for the app's delivery loop: short plain text, and the count as a
    # header it can log. Other synthetic errors get the same plain body, not Varnish's page.
    set resp.http.Content-Type = "text/plain; charset=utf-8";
    set resp.http.Cache-Control = "no-store";
    if (req.method == "PURGE" && resp.status == 200) {
        set resp.http.X-Purged = req.http.X-Purged;
    }
    set resp.body = resp.reason + {"
"};
    return (deliver);
}

sub vcl_backend_error {
    # The instance could not be reached, or went away before it answered (killed, restarting):
    # a GET or HEAD is tried on another instance, so a reader never sees one instance fail.
    # Never a POST or any other method: the instance may have done it before it died, and a
    # save or a publish must not be sent twice; the newsroom's client retries what was not
    # acknowledged, with the version it was based on, and a repeat of a stored save gets the
    # answer the first one had (lib/articles/editing.ts).
    if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < {{MAX_RETRIES}}) {
        set bereq.http.X-Masthead-Failed = beresp.backend.name;
        return (retry);
    }
    # No instance could answer and there is nothing in the cache to fall back on.
    set beresp.http.Content-Type = "text/plain; charset=utf-8";
    set beresp.http.Cache-Control = "no-store";
    set beresp.http.Retry-After = "5";
    set beresp.body = {"The site is briefly unavailable. Please try again in a moment.
"};
    return (deliver);
}
