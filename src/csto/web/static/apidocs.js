// The browsable API documentation, from the vendored swagger-ui (no request leaves the site).
window.addEventListener("load", function () {
  window.SwaggerUIBundle({url: "/api/openapi.json", dom_id: "#api", validatorUrl: null,
                          deepLinking: true});
});
