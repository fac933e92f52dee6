"""Graph ranking: sentence similarity graphs, word co-occurrence graphs and PageRank."""

from summarizer.rank.graph import cooccurrence_graph, sentence_graph
from summarizer.rank.pagerank import PageRank, pagerank, ranking_order
from summarizer.rank.similarity import bm25_similarity, textrank_similarity
from summarizer.rank.vocabulary import Vocabulary

__all__ = [
    "PageRank",
    "Vocabulary",
    "bm25_similarity",
    "cooccurrence_graph",
    "pagerank",
    "ranking_order",
    "sentence_graph",
    "textrank_similarity",
]
