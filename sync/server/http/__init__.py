"""The platform's HTTP layer (FastAPI): routes, body decoding and the error format."""
