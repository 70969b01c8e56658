"""HTTPMessage: 2.7's mimetools/rfc822 message on top of http.client's (D17-D27)."""
import http.client as _client


class HTTPMessage(_client.HTTPMessage):
    """Skeleton: the 2.7 API arrives with the message issue."""
