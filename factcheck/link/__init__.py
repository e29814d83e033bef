"""The link stage: what is the same across articles.

``load -> extract -> tabulate -> link -> compare -> suppress -> report``.
``stories`` groups documents into stories; ``align`` pairs the claims of
different articles of one story that state the same quantity.  Checks read
the stories through ``CheckContext.stories`` and ask ``align`` for pairs with
their rule's vocabulary.
"""

from factcheck.link.stories import Stories, group_stories

__all__ = ["Stories", "group_stories"]
