"""The stages of headline suggestion: clauses (cut and trim), candidates (shorten), salience (weigh).

The entry point is :func:`summarizer.headlines.suggest_headlines`.
"""
