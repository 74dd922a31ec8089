"""Search: Korean analysis, the whoosh index kept in the KB, and queries on it.

`analysis` turns Korean text into terms, `vocab` holds the synonym
vocabulary, `index` keeps the index fresh and `query` ranks results. This
package imports nothing on its own: `kb search` runs once per chat message
and pays for every module it loads.
"""
