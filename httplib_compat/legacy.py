"""2.7's compatibility corner: the 1.5.2 ``HTTP``/``HTTPS`` classes, ``LineAndFileWrapper``
and ``FakeSocket`` (D01, D41), none of which http.client kept."""


class HTTP(object):
    """Skeleton: arrives with the connections issue."""


class HTTPS(HTTP):
    """Skeleton: arrives with the connections issue."""


class LineAndFileWrapper(object):
    """Skeleton: arrives with the connections issue."""


def FakeSocket(sock, sslobj):
    """Skeleton: arrives with the connections issue."""
    return sslobj
