"""HTTPResponse: 2.7's response on top of http.client's (D05-D19, D46-D50)."""
import http.client as _client


class HTTPResponse(_client.HTTPResponse):
    """Skeleton: the 2.7 behaviour arrives with the connections issue."""
