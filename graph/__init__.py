"""stancegraph: news reporting about how countries stand toward each other, as an RDF knowledge graph."""
