"""The terms of an article: what its keywords and key phrases are made of.

``entities`` joins the tokens of one name that jieba cuts apart (塔米姆·本·哈马德, 博爱县磨头镇,
焦作诺尔曼炉业有限公司); ``occurrences`` walks an article's content sentences once and gathers,
for every candidate word or name, where and how it occurs; ``model`` holds the learned linear
scorers (``summarizer/data/*_model.json``, made by ``scripts/train/``); ``verb_lexicon`` lists the
verbs jieba tags as nouns, for the key phrase grammar and the headline clauses.
"""
