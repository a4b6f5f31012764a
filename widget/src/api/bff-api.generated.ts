// Generated from the BFF's OpenAPI document by `pnpm api-types` (scripts/generate-widget-api-types.ts).
// Do not edit: test/contracts/widget-api-types.test.ts fails when this no longer matches the BFF.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process’s event loop answers (no dependency is checked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process’s event loop answers (no dependency is checked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: every dependency this process needs answers within a short timeout */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready to serve */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ready"];
                    };
                };
                /** @description Not ready; `checks` names what is down. Carries `retry-after`. */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["NotReady"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embed-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Called by a host’s backend: opens a short-lived widget session for its signed-in user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EmbedSessionRequest"];
                };
            };
            responses: {
                /** @description The embed session */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EmbedSession"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embed-sessions/token-exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Called by a host’s backend: exchanges its user’s ID token for a widget session (single sign-on)
         * @description Instead of an e-mail, the host presents the ID token its user signed in with at an identity provider the business unit (or an ancestor) registered. Form-encoded (RFC 8693 / RFC 7523) or JSON. The token must be signed with a key the provider publishes, name the registered issuer and audience and be within its lifetime (401 otherwise); its e-mail names a user homed under the registration, or one is provisioned when the registration allows it (403 otherwise, the same answer for every reason).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/x-www-form-urlencoded": components["schemas"]["TokenExchangeRequest"];
                    "application/json": components["schemas"]["TokenExchangeRequest"];
                };
            };
            responses: {
                /** @description The embed session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TokenExchangeAnswer"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The user may not sign in to that business unit, or the e-mail is not verified */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is neither form-encoded nor JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The token carries no e-mail address where the registration maps it from */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The control center or the identity provider’s keys cannot be reached */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embed-sessions/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Called by a host’s backend when its user signs out: ends every live embed session of the user
         * @description A user outside the host’s home business unit, or unknown, answers 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RevokeEmbedSessionsRequest"];
                };
            };
            responses: {
                /** @description The sessions this call ended */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RevokedEmbedSessions"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is not JSON */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/embed-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Called by a host’s backend: ends one embed session at once
         * @description Its widget token is refused from its next request on, in every BFF process, and its live event streams close. A session of another host, or none, answers 404; one that already ended answers 204 again.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The embed session (`sessionId`) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session has ended */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Called by a host’s backend: its endpoints that receive alerts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The endpoints */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpointList"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Called by a host’s backend: receive the alerts of a unit’s subtree as signed webhooks
         * @description Deliveries follow Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`; type `alert.raised`, data: Alert without `read`), signed with the `secret` of this answer, which is shown only here. Without `businessUnitId` the host’s home unit; a unit outside it answers 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateWebhookEndpointBody"];
                };
            };
            responses: {
                /** @description The endpoint and its secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedWebhookEndpoint"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Called by a host’s backend: stop delivering to an endpoint */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The signed-in user, acting business unit, roles and brand */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WidgetSession"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/logo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The logo of the brand a unit shows
         * @description Needs the widget token like every widget route, so a unit outside the caller’s subtree answers 404: the widget fetches it and shows it as a blob: URL (a host’s CSP needs `img-src blob:`). With `v` equal to the logo’s sha256 (the brand names it) the answer may be cached privately for good.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The sha256 the brand names */
                    v?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The image */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/png": string;
                        "image/jpeg": string;
                        "image/webp": string;
                        "image/gif": string;
                    };
                };
                /** @description Unchanged since the ETag given in If-None-Match */
                304: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The business unit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessUnit"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an empty business unit (admin); 409 says what is left */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename a business unit or change its kind (admin) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateBusinessUnit"];
                };
            };
            responses: {
                /** @description The changed unit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessUnit"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/widget/business-units/{id}/ancestors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Breadcrumbs: the caller’s own unit down to this one */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The units on the way */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessUnitAncestors"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One level of the tree (the caller’s own unit, or the children of `parentId`, by name) or a name search */
        get: {
            parameters: {
                query?: {
                    /** @description Only the direct children of this unit, sorted by name (with `q`: search below this unit) */
                    parentId?: string;
                    /** @description Case-insensitive name search in the subtree, sorted by name, at most 100 per page */
                    q?: string;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of one tree level, or search results */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessUnitPage"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a business unit (admin on the parent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateBusinessUnit"];
                };
            };
            responses: {
                /** @description The new unit */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessUnit"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/move-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What moving this unit would change; changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveBusinessUnit"];
                };
            };
            responses: {
                /** @description The move’s effects */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MovePreview"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a unit with its subtree under a new parent (admin on both) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MoveBusinessUnit"];
                };
            };
            responses: {
                /** @description The moved unit and what moved with it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MoveResult"];
                    };
                };
                /** @description Waiting for approval (the unit’s policy asks for four eyes) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role does not allow this, or the unit requires TOTP and this session has no fresh step-up. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/brand": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit’s own brand and the brand it shows (its own or the nearest ancestor’s) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The brand */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessUnitBrand"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set or clear a unit’s own brand (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutBusinessUnitBrand"];
                };
            };
            responses: {
                /** @description The brand */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BusinessUnitBrand"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role does not allow this, or the unit requires TOTP and this session has no fresh step-up. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/data-sources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The unit’s data sources */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataSourceList"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a data source to a business unit (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateDataSource"];
                };
            };
            responses: {
                /** @description The new data source */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataSource"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/data-sources/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateDataSource"];
                };
            };
            responses: {
                /** @description The changed data source */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DataSource"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/widget/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users whose home lies in the caller’s subtree, or in one unit’s subtree */
        get: {
            parameters: {
                query?: {
                    /** @description Users whose home lies in this unit’s subtree */
                    businessUnitId?: string;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of users with their roles */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UserPage"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a user with a home business unit (admin there) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CreateUser"];
                };
            };
            responses: {
                /** @description The new user */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["UpdateUser"];
                };
            };
            responses: {
                /** @description The changed user */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["User"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/widget/role-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant a role the caller holds itself, on a unit it administers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GrantRole"];
                };
            };
            responses: {
                /** @description The assignment */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RoleAssignment"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role does not allow this, or the unit requires TOTP and this session has no fresh step-up. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/role-assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role does not allow this, or the unit requires TOTP and this session has no fresh step-up. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Changes in the caller’s subtree (or one unit’s subtree), newest first */
        get: {
            parameters: {
                query?: {
                    /** @description Events of this unit’s subtree */
                    businessUnitId?: string;
                    /** @description An action, or a prefix ending in a dot (`operation-request.`) */
                    action?: string;
                    entityType?: string;
                    /** @description Part of the actor’s e-mail (any case) */
                    actor?: string;
                    /** @description At or after */
                    from?: string;
                    /** @description Before */
                    to?: string;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of audit events */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditEventPage"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/operation-requests/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Every validation and proposal for a draft; creates nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OperationDraft"];
                };
            };
            responses: {
                /** @description Validations and determinations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DryRun"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/operation-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests of the caller’s subtree, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description `open` (default), `done` or one state */
                    state?: "open" | "done" | "requested" | "validated" | "awaiting-approval" | "queued" | "running" | "succeeded" | "failed" | "rejected" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Newest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationRequestPage"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Submits an operation request; a retry with the same Idempotency-Key returns the same request */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description A retry with the same key returns the same request */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["OperationDraft"];
                };
            };
            responses: {
                /** @description The request this idempotency key created before */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationRequest"];
                    };
                };
                /** @description Accepted: the request is queued */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationRequest"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Terminating a productive tenant where a unit requires TOTP. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A guarantee of the database refused it (a race past the rules; try again) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Rejected: each failed rule is one error. Or the Idempotency-Key was used before with a different body (type idempotency-key-reused); nothing is stored. */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Rejection"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/operation-requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancels a request not yet running, or takes back a termination within the retention period */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The cancelled request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OperationRequest"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too late to cancel, or taking back the termination would bring back a productive tenant the unit has no room for (rule max-live-productive) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/transports/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What a transport would change: exact diff, conflicts, extension plan and rules; changes nothing */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TransportDraft"];
                };
            };
            responses: {
                /** @description The preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TransportPreview"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/tenants/{id}/solution-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant’s current solution profile and its versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The profile */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SolutionProfile"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/tenants/{id}/solution-profile/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One version of a tenant’s solution profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProfileVersion"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/tenants/{id}/solution-profile/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Saves an edited profile as the next version of a non-productive tenant */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewProfileVersion"];
                };
            };
            responses: {
                /** @description The new version */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProfileVersion"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Another version was saved in the meantime, or the tenant is productive */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/tenants/{id}/extensions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tenant’s installed extensions, its product version and the product’s catalogue */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The extensions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantExtensions"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Approvals of the caller’s subtree; `state=pending`: what this caller may decide now */
        get: {
            parameters: {
                query?: {
                    /** @description `pending` lists what this caller may decide now; `done`: decided, expired or cancelled */
                    state?: "pending" | "done" | "approved" | "rejected" | "expired" | "cancelled" | "failed";
                    limit?: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of approvals */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalPage"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/approvals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One approval */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The approval */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/approvals/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve; with the quorum reached the request is queued (a move runs) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DecideApprovalBody"];
                };
            };
            responses: {
                /** @description The decision is recorded; the approval as it stands now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller requested it (another admin must decide), or a step-up is required. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Decided already, or expired (rule approval-expired) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/approvals/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject; the request ends rejected, a move is not made */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["DecideApprovalBody"];
                };
            };
            responses: {
                /** @description The decision is recorded; the approval as it stands now */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Approval"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller requested it (another admin must decide), or a step-up is required. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Decided already, or expired (rule approval-expired) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/approval-policies/{subject}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The approval policy that holds at a unit for a subject (and product) */
        get: {
            parameters: {
                query?: {
                    /** @description Required for every subject but `subtree-move`, which takes none */
                    productId?: string;
                };
                header?: never;
                path: {
                    id: string;
                    subject: "terminate-productive" | "transport-into-productive" | "copy-into-productive" | "subtree-move";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalPolicy"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the unit’s own approval policy for a subject (admin on the unit) */
        put: {
            parameters: {
                query?: {
                    /** @description Required for every subject but `subtree-move`, which takes none */
                    productId?: string;
                };
                header?: never;
                path: {
                    id: string;
                    subject: "terminate-productive" | "transport-into-productive" | "copy-into-productive" | "subtree-move";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutApprovalPolicyBody"];
                };
            };
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalPolicy"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role does not allow this, or the unit requires TOTP and this session has no fresh step-up. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Clear the unit’s own approval policy for a subject */
        delete: {
            parameters: {
                query?: {
                    /** @description Required for every subject but `subtree-move`, which takes none */
                    productId?: string;
                };
                header?: never;
                path: {
                    id: string;
                    subject: "terminate-productive" | "transport-into-productive" | "copy-into-productive" | "subtree-move";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApprovalPolicy"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role does not allow this, or the unit requires TOTP and this session has no fresh step-up. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the acting unit requires TOTP, whether the user has enrolled, and this session’s step-up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The step-up status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepUpStatus"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Passes a step-up for this widget session with a TOTP code or a recovery code
         * @description A code works once; wrong codes count, and at the limit verification locks (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StepUpBody"];
                };
            };
            responses: {
                /** @description Passed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StepUpPassed"];
                    };
                };
                /** @description Invalid input, or a wrong or already used code (named as `body.code` or `body.recoveryCode`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No authenticator (or enrolment) to check the code against */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/step-up/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Starts a TOTP enrolment: the secret, its otpauth URI and its QR code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StartTotpEnrolmentBody"];
                };
            };
            responses: {
                /** @description The secret to add to an authenticator app */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TotpEnrolment"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Replacing a confirmed authenticator needs a fresh step-up with it. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/step-up/enrolment/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirms the enrolment with a first code; answers the recovery codes, this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConfirmTotpEnrolmentBody"];
                };
            };
            responses: {
                /** @description Enrolled; this session has passed a step-up */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TotpEnrolled"];
                    };
                };
                /** @description Invalid input, or a wrong or already used code (named as `body.code` or `body.recoveryCode`) */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No authenticator (or enrolment) to check the code against */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/totp-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a unit requires TOTP step-up, itself or through a unit above */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The unit’s TOTP policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TotpPolicy"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Require TOTP step-up in a unit’s subtree, or stop requiring it there (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutTotpPolicyBody"];
                };
            };
            responses: {
                /** @description The unit’s TOTP policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TotpPolicy"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The caller’s role does not allow this, or the unit requires TOTP and this session has no fresh step-up. Type `step-up-required`: pass `POST /step-up` and retry; its boolean member `enrolled` false means the user must enrol an authenticator first. */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the caller’s subtree’s tenants, sorted, filtered and counted */
        get: {
            parameters: {
                query?: {
                    /** @description Tenants of this unit and its descendants */
                    businessUnitId?: string;
                    type?: string;
                    /** @description Without it decommissioned tenants (decommissioning, retained, archived, deleted) are hidden */
                    lifecycle?: "all" | "provisioning" | "live" | "decommissioning" | "retained" | "archived" | "deleted";
                    /** @description Operational status */
                    status?: "up" | "degraded" | "down" | "maintenance";
                    /** @description Part of the tenant’s name, in any case */
                    q?: string;
                    /** @description Ties sort by name, then id; `businessUnit` sorts by the unit’s name */
                    sort?: "name" | "type" | "lifecycle" | "status" | "businessUnit";
                    order?: "asc" | "desc";
                    limit?: number;
                    /** @description The `nextCursor` of the previous page, asked with the same sort, order and filters */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of tenants */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TenantPage"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Products to order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WidgetProductList"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Alerts of the caller’s subtree, newest first, with the unread count
         * @description New ones also arrive live as `alert` events of `/v1/widget/events`.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `true`: only those not read yet */
                    unread?: "true" | "false";
                    limit?: number;
                    /** @description The `nextCursor` of the previous page */
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of alerts */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AlertPage"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/alerts/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks alerts read for the caller (by id, or all) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MarkAlertsReadBody"];
                };
            };
            responses: {
                /** @description How many changed, and what stays unread */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MarkedRead"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/quotas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit’s quotas: its own, the effective ones and its consumption (billing or admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The quotas */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UnitQuotas"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/business-units/{id}/quotas/{metric}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Sets the unit’s own soft and hard limit of a metric; only tighter than above (admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    metric: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutQuotaBody"];
                };
            };
            responses: {
                /** @description The unit’s quota of the metric */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quota"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Drops the unit’s own quota of a metric (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    metric: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The unit’s quota of the metric */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Quota"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live operation-request and tenant events of the caller’s subtree (Server-Sent Events)
         * @description Read it with fetch streaming (it needs the Authorization header). After a drop, reconnect with `Last-Event-ID` set to the last `id:` received to get what was missed.
         */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "last-event-id"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An endless `text/event-stream` */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Usage of the unit’s subtree by metric, child, data source and day (billing or admin) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The usage */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UsageSummary"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/price-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The unit’s price lists (billing or admin) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The lists */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceLists"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/price-lists/sale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** What the unit charges every buyer it invoices (billing or admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutPriceList"];
                };
            };
            responses: {
                /** @description The list */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/price-lists/sale/{buyerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The seller’s prices for one buyer (billing or admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    buyerId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutPriceList"];
                };
            };
            responses: {
                /** @description The list */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        /** Drops a buyer’s own prices (billing or admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    buyerId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Dropped */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/price-lists/internal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The unit’s show-back prices (billing or admin) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutPriceList"];
                };
            };
            responses: {
                /** @description The list */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PriceList"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/billing-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Whether the nearest selling ancestor invoices this unit (billing or admin on its parent) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PutBillingAccount"];
                };
            };
            responses: {
                /** @description The account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PutBillingAccount"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/invoice-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Computes the seller’s invoice drafts for a month (billing or admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["InvoiceRun"];
                };
            };
            responses: {
                /** @description The month’s invoices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvoiceRunResult"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Invoices the unit issues and the issued ones addressed to it (billing or admin) */
        get: {
            parameters: {
                query?: {
                    period?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invoices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvoiceList"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/business-units/{id}/show-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Show-back of the unit’s subtree at its internal prices (billing or admin) */
        get: {
            parameters: {
                query: {
                    period: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The show-back */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ShowBack"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One invoice */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invoice */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/invoices/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issues a draft: numbered, immutable (billing or admin of the seller) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The issued invoice */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Invoice"];
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/invoices/{id}/csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The invoice as CSV */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invoice */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/widget/billing/invoices/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The invoice as PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The invoice */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Invalid input */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Missing or invalid credentials */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Inside the caller’s subtree, but the caller’s role does not allow this */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Does not exist or lies outside the caller’s subtree */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Refused by a rule (a cycle, something left inside, a duplicate …) */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description A rate limit is reached: wait `Retry-After` seconds */
                429: {
                    headers: {
                        /** @description Seconds until the limit’s window ends */
                        "Retry-After"?: number;
                        /** @description The limit that refused, e.g. `"widget-per-user";q=600;w=60` (draft-ietf-httpapi-ratelimit-headers) */
                        "RateLimit-Policy"?: string;
                        /** @description What is left of it and when it returns, e.g. `"widget-per-user";r=0;t=42` */
                        RateLimit?: string;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Health: {
            /** @enum {string} */
            status: "ok";
        };
        Ready: {
            /** @enum {string} */
            status: "ready";
            /**
             * @example {
             *       "database": "up",
             *       "liveFeed": "up"
             *     }
             */
            checks: {
                [key: string]: "up" | "down";
            };
        };
        NotReady: components["schemas"]["Problem"] & {
            /**
             * @example {
             *       "database": "up",
             *       "liveFeed": "up"
             *     }
             */
            checks: {
                [key: string]: "up" | "down";
            };
        };
        Problem: {
            /** @example https://scc.example/problems/validation */
            type: string;
            /** @example Invalid request */
            title: string;
            status: number;
            detail?: string;
            errors?: {
                /** @example query.limit */
                field: string;
                /** @example max-live-productive */
                rule?: string;
                message: string;
            }[];
            /** @example f1c9a8e2-3b7d-4c55-9a0e-6d2b8f4e1a37 */
            correlationId?: string;
        };
        EmbedSession: {
            /** @description ES256 JWT for the widget’s Authorization header */
            token: string;
            /** @enum {string} */
            tokenType: "Bearer";
            /** Format: date-time */
            expiresAt: string;
            /** @description Seconds until the token expires */
            expiresIn: number;
            /**
             * Format: uuid
             * @description The user in the Service Control Center, to revoke all of their sessions
             */
            userId: string;
            /**
             * Format: uuid
             * @description The embed session, to revoke it (`DELETE /v1/embed-sessions/{id}`); each token opens its own
             */
            sessionId: string;
        };
        EmbedSessionRequest: {
            user: {
                /**
                 * Format: email
                 * @example casey@contoso.example
                 */
                email: string;
            };
            /**
             * Format: uuid
             * @description Must lie inside the host’s home business unit
             */
            businessUnitId: string;
        };
        TokenExchangeAnswer: components["schemas"]["EmbedSession"] & {
            /** @description The widget token again, as RFC 8693 names it */
            access_token: string;
            /** @enum {string} */
            issued_token_type: "urn:ietf:params:oauth:token-type:jwt";
            /** @enum {string} */
            token_type: "Bearer";
            expires_in: number;
        };
        TokenExchangeRequest: {
            /** @enum {string} */
            grant_type: "urn:ietf:params:oauth:grant-type:token-exchange";
            /** @description The user’s ID token from a registered identity provider */
            subject_token: string;
            /** @enum {string} */
            subject_token_type: "urn:ietf:params:oauth:token-type:id_token" | "urn:ietf:params:oauth:token-type:jwt";
            /**
             * Format: uuid
             * @description Must lie inside the host’s home business unit
             */
            businessUnitId: string;
        } | {
            /** @enum {string} */
            grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer";
            /** @description The user’s ID token from a registered identity provider */
            assertion: string;
            /**
             * Format: uuid
             * @description Must lie inside the host’s home business unit
             */
            businessUnitId: string;
        };
        RevokedEmbedSessions: {
            revoked: {
                /** Format: uuid */
                id: string;
                /**
                 * Format: date-time
                 * @description When its widget token expires anyway
                 */
                expiresAt: string;
            }[];
        };
        RevokeEmbedSessionsRequest: {
            /**
             * Format: uuid
             * @description The user whose live sessions at this host end (the token’s `sub`)
             */
            userId: string;
            /** @example signed out */
            reason?: string;
        };
        WebhookEndpointList: {
            items: components["schemas"]["WebhookEndpoint"][];
        };
        WebhookEndpoint: {
            /** Format: uuid */
            id: string;
            url: string;
            /** Format: uuid */
            businessUnitId: string;
            /** @description Empty: every kind */
            kinds: ("operation-failed" | "operation-stuck" | "retention-expiring" | "quota-exceeded" | "invoice-issued")[];
            /** Format: date-time */
            createdAt: string;
        };
        CreatedWebhookEndpoint: components["schemas"]["WebhookEndpoint"] & {
            /** @description `whsec_…`, shown this once: verify deliveries with it */
            secret: string;
        };
        CreateWebhookEndpointBody: {
            /**
             * Format: uri
             * @example https://host.example/hooks/scc
             */
            url: string;
            /**
             * Format: uuid
             * @description Alerts of this unit’s subtree; default: the host’s home unit
             */
            businessUnitId?: string;
            /** @default [] */
            kinds: ("operation-failed" | "operation-stuck" | "retention-expiring" | "quota-exceeded" | "invoice-issued")[];
        };
        WidgetSession: components["schemas"]["Caller"] & {
            brand: components["schemas"]["EffectiveBrand"];
        };
        /** @enum {string} */
        RoleName: "viewer" | "operator" | "admin" | "billing";
        Permissions: {
            order: boolean;
            terminate: boolean;
            restore: boolean;
            administer: boolean;
            audit: boolean;
            brand: boolean;
        };
        /** @description The brand of the acting unit: its own or its nearest ancestor’s */
        EffectiveBrand: {
            /**
             * Format: uuid
             * @description null when the source lies above the caller’s unit
             */
            sourceBusinessUnitId: string | null;
            /** @description Name of the source unit; null above the caller’s unit */
            name: string | null;
            brand: components["schemas"]["Brand"];
        } | null;
        Brand: {
            /** @description Shown instead of the product name */
            displayName?: string;
            /** @example Inter, 'Segoe UI', sans-serif */
            fontStack?: string;
            /** @description Corner radius in px, 0 to 32 */
            radius?: number;
            light?: components["schemas"]["BrandPalette"];
            dark?: components["schemas"]["BrandPalette"];
            logo?: components["schemas"]["BrandLogo"];
        };
        BrandPalette: {
            /**
             * @description Buttons, selection, the logo tile
             * @example #c2410c
             */
            primary: string;
            /**
             * @description Text on primary; default #ffffff
             * @example #c2410c
             */
            onPrimary?: string;
            /** @example #c2410c */
            accent?: string;
            /**
             * @description Background
             * @example #c2410c
             */
            surface?: string;
            /** @example #c2410c */
            text?: string;
        };
        BrandLogo: {
            sha256: string;
            /**
             * @description Told from the bytes, never from the uploader
             * @enum {string}
             */
            contentType: "image/png" | "image/jpeg" | "image/webp" | "image/gif";
            byteSize: number;
        };
        Caller: {
            user: {
                /** Format: uuid */
                id: string;
                email: string;
                displayName: string;
            };
            businessUnit: {
                /** Format: uuid */
                id: string;
                name: string;
                kind: string;
            };
            roles: components["schemas"]["RoleName"][];
            permissions: components["schemas"]["Permissions"];
            /** @description Roles the user holds on units below the acting unit (they add to `roles` there) */
            assignments: {
                /** Format: uuid */
                businessUnitId: string;
                role: components["schemas"]["RoleName"];
            }[];
        };
        BusinessUnit: {
            /** Format: uuid */
            id: string;
            /**
             * Format: uuid
             * @description null for the caller’s own business unit
             */
            parentId: string | null;
            name: string;
            /** @example customer */
            kind: string;
            /** @description Levels below the caller’s own business unit */
            depth: number;
            /** @description Direct children */
            childCount: number;
            /** @description Only in search results: from the caller’s own unit down to the parent, the unit itself excluded */
            ancestors?: components["schemas"]["BusinessUnitRef"][];
        };
        BusinessUnitRef: {
            /** Format: uuid */
            id: string;
            name: string;
        };
        BusinessUnitAncestors: {
            items: {
                /** Format: uuid */
                id: string;
                name: string;
                kind: string;
            }[];
        };
        CreateBusinessUnit: {
            /** Format: uuid */
            parentId: string;
            name: string;
            /** @description Free label: reseller, customer, region … */
            kind?: string;
        };
        UpdateBusinessUnit: {
            name?: string;
            /** @description Free label: reseller, customer, region … */
            kind?: string;
        };
        MovePreview: {
            businessUnit: components["schemas"]["BusinessUnitRef"];
            from: {
                /** Format: uuid */
                parentId: string | null;
                /** @description Names from the caller’s own unit down to the parent */
                path: string[];
            };
            to: {
                /** Format: uuid */
                parentId: string | null;
                /** @description Names from the caller’s own unit down to the parent */
                path: string[];
            };
            counts: components["schemas"]["MoveCounts"];
            brand: {
                before: components["schemas"]["EffectiveBrand"];
                after: components["schemas"]["EffectiveBrand"];
                changes: boolean;
            };
            inheritedRoles: {
                /** Format: uuid */
                userId: string;
                email: string;
                before: components["schemas"]["RoleName"][];
                after: components["schemas"]["RoleName"][];
            }[];
        };
        MoveCounts: {
            businessUnits: number;
            tenants: number;
            users: number;
            roleAssignments: number;
            dataSources: number;
        };
        MoveBusinessUnit: {
            /** Format: uuid */
            newParentId: string;
        };
        MoveResult: {
            businessUnit: components["schemas"]["BusinessUnit"];
            counts: components["schemas"]["MoveCounts"];
        };
        Approval: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            subject: "terminate-productive" | "transport-into-productive" | "copy-into-productive" | "subtree-move";
            /**
             * @description `pending` until the quorum approves (`approved`: the request is queued, the move done), one admin rejects, it expires, or the requester cancels; `failed`: approved, but the move no longer fits the tree
             * @enum {string}
             */
            state: "pending" | "approved" | "rejected" | "expired" | "cancelled" | "failed";
            /** Format: uuid */
            businessUnitId: string;
            /** Format: uuid */
            productId: string | null;
            /** @description The operation request waiting for the approval (every subject but moves) */
            operationRequest: {
                /** Format: uuid */
                id: string;
                kind: string;
                /** Format: uuid */
                tenantId: string | null;
            } | null;
            /** @description The subtree move waiting for the approval, with its preview when it was requested */
            move: {
                /** Format: uuid */
                businessUnitId: string;
                /** Format: uuid */
                newParentId: string;
                preview: components["schemas"]["MovePreview"];
            } | null;
            quorum: number;
            /** @description Approvals so far */
            approvals: number;
            decisions: components["schemas"]["ApprovalDecision"][];
            requestedBy: {
                /** Format: uuid */
                userId: string;
                email: string;
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            error: {
                code: string;
                message: string;
            } | null;
            /** @description What this caller may do now: admins of the unit or above, never the requester */
            allowedActions: ("approve" | "reject")[];
        };
        ApprovalDecision: {
            /** Format: uuid */
            userId: string;
            email: string;
            /** @enum {string} */
            decision: "approve" | "reject";
            comment: string | null;
            /** Format: date-time */
            decidedAt: string;
        };
        BusinessUnitBrand: {
            /** @description null: the unit has no brand of its own */
            own: components["schemas"]["Brand"] | null;
            effective: components["schemas"]["EffectiveBrand"];
            /** @description Contrasts of the own brand below WCAG AA */
            warnings: components["schemas"]["BrandWarning"][];
        };
        BrandWarning: {
            field: string;
            ratio: number;
            message: string;
        };
        PutBusinessUnitBrand: {
            brand: components["schemas"]["BrandInput"];
        };
        BrandInput: {
            /** @description Shown instead of the product name */
            displayName?: string;
            /** @example Inter, 'Segoe UI', sans-serif */
            fontStack?: string;
            /** @description Corner radius in px, 0 to 32 */
            radius?: number;
            light?: components["schemas"]["BrandPalette"];
            dark?: components["schemas"]["BrandPalette"];
            logo?: components["schemas"]["BrandLogoInput"];
        } | null;
        BrandLogoInput: {
            /** @description The image, at most 32 KiB: PNG, JPEG, WebP or GIF */
            data?: string;
            /** @description Keep the unit’s current logo */
            sha256?: string;
        };
        DataSourceList: {
            items: components["schemas"]["DataSource"][];
        };
        DataSource: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            businessUnitId: string;
            /** @example backup-server */
            kind: string;
            /** @description The id of this system in its own world */
            externalRef: string;
            name: string;
            attributes: {
                [key: string]: string | number | boolean;
            };
            /** Format: date-time */
            createdAt: string;
            /**
             * @description The latest day a collector reported usage for (YYYY-MM-DD); null: none yet
             * @example 2026-10-31
             */
            lastUsageDay: string | null;
        };
        CreateDataSource: {
            kind: string;
            externalRef: string;
            name: string;
            /**
             * @example {
             *       "host": "bk-01.example",
             *       "port": 8443
             *     }
             */
            attributes?: {
                [key: string]: string | number | boolean;
            };
        };
        UpdateDataSource: {
            kind?: string;
            externalRef?: string;
            name?: string;
            /**
             * @example {
             *       "host": "bk-01.example",
             *       "port": 8443
             *     }
             */
            attributes?: {
                [key: string]: string | number | boolean;
            };
        };
        UserPage: {
            items: components["schemas"]["User"][];
            nextCursor: string | null;
        };
        User: {
            /** Format: uuid */
            id: string;
            email: string;
            displayName: string;
            /**
             * Format: uuid
             * @description Home business unit
             */
            businessUnitId: string;
            /** @description Assignments inside the caller’s subtree */
            roles: components["schemas"]["UserRole"][];
        };
        UserRole: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            businessUnitId: string;
            businessUnitName: string;
            role: components["schemas"]["RoleName"];
        };
        CreateUser: {
            email: string;
            displayName: string;
            /** Format: uuid */
            businessUnitId: string;
        };
        UpdateUser: {
            displayName: string;
        };
        RoleAssignment: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            userId: string;
            /** Format: uuid */
            businessUnitId: string;
            role: components["schemas"]["RoleName"];
        };
        GrantRole: {
            /** Format: uuid */
            userId: string;
            /** Format: uuid */
            businessUnitId: string;
            role: components["schemas"]["RoleName"];
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEvent"][];
            nextCursor: string | null;
        };
        AuditEvent: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            occurredAt: string;
            actor: {
                /** Format: uuid */
                userId: string;
                email: string;
            };
            /** @example business-unit.moved */
            action: string;
            /** @example business-unit */
            entityType: string;
            /** Format: uuid */
            entityId: string;
            /** Format: uuid */
            businessUnitId: string;
            /** @description Null once the unit was deleted */
            businessUnitName: string | null;
            before?: unknown;
            after?: unknown;
        };
        DryRun: {
            allowed: boolean;
            chargeable: boolean;
            validations: components["schemas"]["Validation"][];
            determinations: components["schemas"]["Determinations"];
            overwrites?: components["schemas"]["CopyOverwrites"];
        };
        Validation: {
            /** @example max-live-productive */
            rule: string;
            passed: boolean;
            /** @description A failed blocking rule rejects the request */
            blocking: boolean;
            message: string;
            /** @example body.type */
            field?: string;
        };
        /** @description Proposed values; the client may override them. Only orders have all three. */
        Determinations: {
            applicationDataSourceTenantId?: {
                /** Format: uuid */
                value: string | null;
                reason: string;
            };
            solutionProfileSourceTenantId?: {
                /** Format: uuid */
                value: string | null;
                reason: string;
            };
            name?: {
                value: string;
                reason: string;
            };
            approvalRequired?: {
                value: boolean;
                reason: string;
            };
        };
        /** @description A copy: what it replaces in the target */
        CopyOverwrites: {
            solutionProfile?: {
                /** @description The target’s profile version now (0: none yet) */
                targetVersion: number;
                /** @description The source’s profile version the copy would carry */
                sourceVersion: number;
                /** @description Exactly what changes in the target */
                changes: components["schemas"]["ProfileChange"][];
            };
            applicationData?: {
                added: number;
                changed: number;
                removed: number;
                unchanged: number;
                /** @description The first records that change, by key (at most 50) */
                keys: {
                    key: string;
                    /** @enum {string} */
                    op: "added" | "changed" | "removed";
                }[];
            };
        };
        ProfileChange: {
            /** @example /mail/retryCount */
            pointer: string;
            path: string[];
            /** @enum {string} */
            op: "added" | "changed" | "removed";
            /** @description The value before (absent when added) */
            old?: unknown;
            /** @description The value after (absent when removed) */
            new?: unknown;
        };
        OperationDraft: components["schemas"]["OrderDraft"] | components["schemas"]["CopyDraft"] | components["schemas"]["DecommissionDraft"] | components["schemas"]["RestoreDraft"] | components["schemas"]["TransportDraft"] | components["schemas"]["ProfileRestoreDraft"];
        OrderDraft: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "order";
            /** Format: uuid */
            businessUnitId: string;
            /** Format: uuid */
            productId: string;
            type: string;
            name?: string;
            /**
             * Format: uuid
             * @description Omitted: the proposal; null: none (initial tenant)
             */
            applicationDataSourceTenantId?: string | null;
            /**
             * Format: uuid
             * @description Omitted: the proposal; null: none (initial solution profile)
             */
            solutionProfileSourceTenantId?: string | null;
        };
        CopyDraft: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "copy";
            /** Format: uuid */
            sourceTenantId: string;
            /** Format: uuid */
            targetTenantId: string;
            parts: ("applicationData" | "solutionProfile")[];
        };
        DecommissionDraft: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "decommission";
            /** Format: uuid */
            tenantId: string;
        };
        RestoreDraft: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "restore";
            /** Format: uuid */
            tenantId: string;
            /** @enum {string} */
            mode: "same" | "new";
        };
        TransportDraft: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "transport";
            /** Format: uuid */
            sourceTenantId: string;
            /** Format: uuid */
            targetTenantId: string;
            profile?: components["schemas"]["TransportProfile"];
            extensions?: components["schemas"]["TransportExtension"][];
        };
        TransportProfile: {
            /**
             * @description `full`: the target’s profile becomes the source’s; `delta`: only the source’s changes since the baseline
             * @enum {string}
             */
            mode: "full" | "delta";
            /** @description Delta only: the source version the changes are counted from. Omitted: the source version of the last completed transport from this source into this target. */
            baselineVersion?: number;
            /** @description Per conflict (its pointer): take the source’s value or keep the target’s */
            resolutions?: {
                [key: string]: "source" | "target";
            };
        };
        TransportExtension: {
            name: string;
            /** @example 2.4.0 */
            version: string;
        };
        ProfileRestoreDraft: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "profile-restore";
            /** Format: uuid */
            tenantId: string;
            version: number;
        };
        OperationRequest: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "order" | "copy" | "decommission" | "restore" | "transport" | "profile-restore";
            /** @enum {string} */
            state: "requested" | "validated" | "awaiting-approval" | "queued" | "running" | "succeeded" | "failed" | "rejected" | "cancelled";
            progress: number;
            /** @description What the request is doing now, for people */
            step: string | null;
            /** Format: uuid */
            businessUnitId: string;
            /** Format: uuid */
            tenantId: string | null;
            /** Format: uuid */
            productId: string | null;
            draft: {
                [key: string]: unknown;
            };
            determinations: components["schemas"]["Determinations"];
            validations: components["schemas"]["Validation"][];
            chargeable: boolean;
            requestedBy: {
                /** Format: uuid */
                userId: string;
                email: string;
            };
            error: {
                code: string;
                message: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            finishedAt: string | null;
            /**
             * Format: date-time
             * @description A termination waiting out its retention period: when the tenant goes; null otherwise
             */
            retainedUntil: string | null;
            /** @description What this caller may do with the request now (a termination in retention: `cancel` restores) */
            allowedActions: "cancel"[];
        };
        Rejection: {
            type: string;
            title: string;
            /** @enum {number} */
            status: 422;
            detail?: string;
            /** Format: uuid */
            requestId: string;
            errors: {
                field: string;
                rule: string;
                message: string;
            }[];
        };
        OperationRequestPage: {
            items: components["schemas"]["OperationRequest"][];
            nextCursor: string | null;
        };
        TransportPreview: {
            /** @description A submit of this draft would be accepted now */
            allowed: boolean;
            source: {
                /** Format: uuid */
                tenantId: string;
                name: string;
                type: string;
                productVersion: string;
                /** @description The current version (0: no profile yet) */
                profileVersion: number;
            };
            target: {
                /** Format: uuid */
                tenantId: string;
                name: string;
                type: string;
                productVersion: string;
                /** @description The current version (0: no profile yet) */
                profileVersion: number;
            };
            profile: {
                /** @enum {string} */
                mode: "full" | "delta";
                /** @description The source version counted from */
                baselineVersion: number | null;
                /** @description The version the target gets */
                resultVersion: number;
                /** @description Exactly what changes in the target */
                changes: components["schemas"]["ProfileChange"][];
                /** @description The changes that replace or remove a value the target has now */
                overwrites: components["schemas"]["ProfileChange"][];
                conflicts: components["schemas"]["ProfileConflict"][];
            } | null;
            extensions: components["schemas"]["ExtensionPlanItem"][] | null;
            approvalRequired: {
                value: boolean;
                reason: string;
            };
            validations: components["schemas"]["Validation"][];
        };
        ProfileConflict: {
            /** @example /mail/retryCount */
            pointer: string;
            path: string[];
            /** @description The baseline’s value (absent: the baseline had none) */
            base?: unknown;
            /** @description The source’s value now (absent: removed) */
            source?: unknown;
            /** @description The target’s value now (absent: removed) */
            target?: unknown;
            /** @enum {string|null} */
            resolution: "source" | "target" | null;
        };
        ExtensionPlanItem: {
            name: string;
            /** @enum {string} */
            action: "install" | "upgrade" | "keep";
            fromVersion: string | null;
            toVersion: string;
        };
        SolutionProfile: {
            /** Format: uuid */
            tenantId: string;
            /** @description The current version (0: no profile yet) */
            version: number;
            document: components["schemas"]["ProfileDocument"];
            /** @description Newest first */
            versions: components["schemas"]["ProfileVersionSummary"][];
        };
        /** @description A JSON object; validated against the product’s profile schema */
        ProfileDocument: {
            [key: string]: unknown;
        };
        ProfileVersionSummary: {
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            createdByRequestId: string | null;
        };
        ProfileVersion: {
            /** Format: uuid */
            tenantId: string;
            version: number;
            document: components["schemas"]["ProfileDocument"];
        };
        NewProfileVersion: {
            /** @description The version the edit started from; another version in between is a 409 */
            basedOnVersion: number;
            document: components["schemas"]["ProfileDocument"];
        };
        TenantExtensions: {
            /** Format: uuid */
            tenantId: string;
            productVersion: string;
            installed: components["schemas"]["InstalledExtension"][];
            /** @description Every extension version of the product */
            catalogue: components["schemas"]["CatalogueExtension"][];
        };
        InstalledExtension: {
            name: string;
            version: string;
        };
        CatalogueExtension: {
            name: string;
            version: string;
            minProductVersion: string;
            /** @description Exclusive; null: no upper bound */
            maxProductVersion: string | null;
            dependsOn: {
                name: string;
                minVersion: string;
            }[];
        };
        ApprovalPage: {
            items: components["schemas"]["Approval"][];
            nextCursor: string | null;
        };
        DecideApprovalBody: {
            comment?: string;
        };
        ApprovalPolicy: {
            /** Format: uuid */
            businessUnitId: string;
            /** @enum {string} */
            subject: "terminate-productive" | "transport-into-productive" | "copy-into-productive" | "subtree-move";
            /** Format: uuid */
            productId: string | null;
            own: components["schemas"]["ApprovalRule"];
            effective: components["schemas"]["ApprovalRule"] & unknown;
            /** @enum {string} */
            source: "unit" | "product-default" | "none";
            /**
             * Format: uuid
             * @description The unit whose policy holds (source `unit`): this one or one above
             */
            sourceBusinessUnitId: string | null;
        };
        /** @description This unit’s own policy, if it has one */
        ApprovalRule: {
            /** @description Approvals by different admins needed; 0: no approval needed here (overrides a rule above) */
            quorum: number;
            /** @description A request not decided by then ends rejected (`approval-expired`) */
            expiryHours: number;
        } | null;
        PutApprovalPolicyBody: {
            /** @description Approvals by different admins needed; 0: no approval needed here (overrides a rule above) */
            quorum: number;
            /** @description A request not decided by then ends rejected (`approval-expired`) */
            expiryHours: number;
        };
        StepUpStatus: {
            /** @description The acting unit, or a unit above it, requires TOTP */
            required: boolean;
            /** @description The user has a confirmed authenticator */
            enrolled: boolean;
            /**
             * Format: date-time
             * @description Until when this session needs no new code
             */
            stepUpUntil: string | null;
            /**
             * Format: date-time
             * @description Verification is locked until then after wrong codes
             */
            lockedUntil: string | null;
            recoveryCodesLeft: number;
        };
        StepUpPassed: {
            /** Format: date-time */
            stepUpUntil: string;
            recoveryCodesLeft: number;
        };
        StepUpBody: {
            /**
             * @description The six digits the authenticator app shows now
             * @example 492039
             */
            code?: string;
            /**
             * @description One of the recovery codes shown at enrolment; each works once
             * @example K7QXM-2DPLA
             */
            recoveryCode?: string;
        };
        TotpEnrolment: {
            /**
             * @description Base32, for typing into the app by hand
             * @example JBSWY3DPEHPK3PXP
             */
            secret: string;
            /** @description The `otpauth://totp/…` URI the QR code holds */
            uri: string;
            /** @description The QR code of `uri`, to draw as `<svg viewBox="0 0 size size"><path d=…>` */
            qrCode: {
                /** @description Modules per side, the quiet zone included */
                size: number;
                /** @description SVG path data drawing the dark modules, one unit per module */
                path: string;
            };
        };
        StartTotpEnrolmentBody: Record<string, never>;
        TotpEnrolled: {
            /** @description Shown this once; each passes one step-up without the app. Only hashes are kept. */
            recoveryCodes: string[];
            /** Format: date-time */
            stepUpUntil: string;
        };
        ConfirmTotpEnrolmentBody: {
            /**
             * @description The six digits the authenticator app shows now
             * @example 492039
             */
            code: string;
        };
        TotpPolicy: {
            /** Format: uuid */
            businessUnitId: string;
            /** @description This unit requires TOTP for its subtree */
            required: boolean;
            /** @description A unit above requires it: it holds here whatever this unit says */
            inherited: boolean;
        };
        PutTotpPolicyBody: {
            required: boolean;
        };
        BusinessUnitPage: {
            items: components["schemas"]["BusinessUnit"][];
            nextCursor: string | null;
        };
        TenantPage: {
            items: components["schemas"]["Tenant"][];
            nextCursor: string | null;
            /** @description Matching tenants, counted up to 10000 */
            total: number;
            /** @description More than 10000 tenants match; total is the cap */
            totalCapped: boolean;
        };
        Tenant: {
            /** Format: uuid */
            id: string;
            name: string;
            /**
             * @description One of the product’s tenant types
             * @example productive
             */
            type: string;
            /** @enum {string} */
            lifecycleStatus: "provisioning" | "live" | "decommissioning" | "retained" | "archived" | "deleted";
            /** @enum {string} */
            operationalStatus: "up" | "degraded" | "down" | "maintenance";
            /** Format: uuid */
            businessUnitId: string;
            businessUnitName: string;
            /** Format: uuid */
            productId: string;
            productName: string;
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: date-time
             * @description While decommissioned: when the retention period ends
             */
            retainedUntil: string | null;
            /** @description What the caller may request on this tenant now, by its roles and the product’s rules */
            allowedActions: ("terminate" | "restore" | "copy-into" | "order-from" | "transport" | "profile-versions")[];
        };
        WidgetProductList: {
            items: components["schemas"]["WidgetProduct"][];
        };
        WidgetProduct: {
            /** Format: uuid */
            id: string;
            name: string;
            tenantTypes: string[];
        };
        AlertPage: {
            items: components["schemas"]["Alert"][];
            nextCursor: string | null;
            /** @description Unread alerts of the caller’s subtree, at most 1000 */
            unread: number;
        };
        Alert: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "operation-failed" | "operation-stuck" | "retention-expiring" | "quota-exceeded" | "invoice-issued";
            /** @enum {string} */
            severity: "info" | "warning" | "critical";
            /** Format: uuid */
            businessUnitId: string;
            businessUnitName: string;
            subject: components["schemas"]["AlertSubject"];
            /** @description One English sentence, for logs and mails */
            summary: string;
            /** Format: date-time */
            raisedAt: string;
            /** @description Whether this caller has marked it read */
            read: boolean;
        };
        AlertSubject: {
            /** Format: uuid */
            operationRequestId?: string;
            operationKind?: string;
            /** Format: uuid */
            tenantId?: string;
            tenantName?: string;
            /** Format: date-time */
            retainedUntil?: string;
            errorCode?: string;
            metric?: string;
            limit?: string;
            consumption?: string;
            /** Format: uuid */
            invoiceId?: string;
            invoiceNumber?: number;
            period?: string;
            sellerName?: string;
        };
        MarkedRead: {
            marked: number;
            unread: number;
        };
        MarkAlertsReadBody: {
            ids?: string[];
            /**
             * @description Every alert of the caller’s subtree raised so far
             * @enum {boolean}
             */
            all?: true;
        };
        UnitQuotas: {
            /** Format: uuid */
            businessUnitId: string;
            items: components["schemas"]["Quota"][];
        };
        Quota: {
            /** @example tenants.productive */
            metric: string;
            /** @description The unit’s own quota; null: only what it inherits */
            own: {
                /** @example 1024.5 */
                softLimit: string | null;
                /** @example 1024.5 */
                hardLimit: string | null;
                tightenOnly: boolean;
            } | null;
            /** @description The strictest limits on the unit’s path, its own included */
            effective: {
                soft: components["schemas"]["QuotaLimit"];
                hard: components["schemas"]["QuotaLimit"];
            };
            /**
             * @description Over the unit’s whole subtree
             * @example 1024.5
             */
            consumption: string;
            softExceeded: boolean;
            hardReached: boolean;
        };
        QuotaLimit: {
            /** @example 1024.5 */
            limit: string;
            /**
             * Format: uuid
             * @description Whose quota it is; null: a unit above the caller’s subtree
             */
            businessUnitId: string | null;
            businessUnitName: string | null;
        } | null;
        PutQuotaBody: {
            /**
             * @description Crossing it raises a `quota-exceeded` alert; null: none
             * @example 1024.5
             */
            softLimit?: string | null;
            /**
             * @description Orders that would go beyond it are refused; null: none
             * @example 1024.5
             */
            hardLimit?: string | null;
        };
        UsageSummary: {
            from: string;
            to: string;
            byMetric: {
                metric: string;
                quantity: string;
            }[];
            byChild: {
                /** Format: uuid */
                businessUnitId: string;
                name: string;
                metric: string;
                quantity: string;
            }[];
            byDataSource: {
                /** Format: uuid */
                dataSourceId: string;
                name: string;
                metric: string;
                quantity: string;
            }[];
            byDay: {
                day: string;
                metric: string;
                quantity: string;
            }[];
        };
        PriceLists: {
            sale: components["schemas"]["PriceList"];
            /** @description Its prices for single buyers */
            overrides: components["schemas"]["PriceList"][];
            internal: components["schemas"]["PriceList"] & unknown;
            /** @description Whether this unit is invoiced by its nearest selling ancestor */
            account: boolean;
        };
        /** @description What this unit charges each buyer it invoices */
        PriceList: {
            /** Format: uuid */
            sellerId: string;
            /** Format: uuid */
            buyerId: string | null;
            /** @enum {string} */
            purpose: "sale" | "internal";
            /** @enum {string} */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "DKK" | "SEK" | "NOK";
            entries: components["schemas"]["PriceListEntry"][];
            /** Format: date-time */
            updatedAt: string;
        } | null;
        PriceListEntry: {
            /** @example stored_gb */
            metric: string;
            /**
             * @description Internal lists only: a price for this class of systems
             * @enum {string}
             */
            class?: "critical" | "other";
            /** @description Graduated: each part of the quantity at its tier’s price */
            tiers: components["schemas"]["PriceTier"][];
            /**
             * @description Charged instead when the tiers come to less, per invoice
             * @example 49.90
             */
            minimumFee?: string;
        };
        PriceTier: {
            /**
             * @description Upper bound of the tier; null: everything above (the last tier)
             * @example 1024.5
             */
            upTo: string | null;
            /** @example 1024.5 */
            unitPrice: string;
        };
        PutPriceList: {
            /** @enum {string} */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "DKK" | "SEK" | "NOK";
            entries: components["schemas"]["PriceListEntry"][];
        };
        PutBillingAccount: {
            account: boolean;
        };
        InvoiceRunResult: {
            items: components["schemas"]["InvoiceSummary"][];
        };
        InvoiceSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            sellerId: string;
            sellerName: string;
            /** Format: uuid */
            buyerId: string;
            buyerName: string;
            /** @example 2026-10 */
            period: string;
            /** @enum {string} */
            status: "draft" | "issued";
            /** @description Per seller, from 1, without gaps; set on issue */
            number: number | null;
            /** @enum {string} */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "DKK" | "SEK" | "NOK";
            total: string;
            computedAt: string;
            issuedAt: string | null;
        };
        InvoiceRun: {
            /** @example 2026-10 */
            period: string;
        };
        InvoiceList: {
            /** @description Invoices this unit sends its buyers (drafts included) */
            issued: components["schemas"]["InvoiceSummary"][];
            /** @description Issued invoices addressed to this unit */
            received: components["schemas"]["InvoiceSummary"][];
        };
        ShowBack: {
            /** Format: uuid */
            businessUnitId: string;
            /** @example 2026-10 */
            period: string;
            /** @enum {string} */
            currency: "EUR" | "USD" | "GBP" | "CHF" | "DKK" | "SEK" | "NOK";
            total: string;
            lines: (components["schemas"]["InvoiceLine"] & {
                /** @enum {string} */
                class: "critical" | "other";
            })[];
            units: {
                /** Format: uuid */
                businessUnitId: string;
                /** Format: uuid */
                parentId: string | null;
                name: string;
                kind: string;
                own: string;
                subtree: string;
            }[];
        };
        InvoiceLine: {
            metric: string;
            /** @description Levels: the month’s average; flows and operations: the sum */
            quantity: string;
            tiers: {
                quantity: string;
                unitPrice: string;
            }[];
            minimumFee: string | null;
            amount: string;
            /** @description False when the price list has no price for the metric (no charge) */
            priced: boolean;
        };
        Invoice: components["schemas"]["InvoiceSummary"] & {
            lines: components["schemas"]["InvoiceLine"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
