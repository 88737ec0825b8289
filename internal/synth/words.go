package synth

// Name and word lists of the synthetic institute. Names carry the accents
// and letters that real directories have, so that every writer's escaping
// is exercised.

var givenNames = []string{
	"Zoë", "Jürgen", "Søren", "Óscar", "Émilie", "Łukasz", "Nuño", "Björn", "İlker", "Çağla",
	"Đorđe", "Anaïs", "François", "Guðrún", "Hélène", "Ioannis", "José", "Kateřina", "Líadan", "Mónica",
	"Nguyễn", "Øystein", "Päivi", "Raphaël", "Sérgio", "Thérèse", "Ulla", "Věra", "Wojciech", "Xóchitl",
	"Yağmur", "Zdeněk", "Aaron", "Beatriz", "Chloé", "Dmitri", "Eleni", "Fatima", "Gaël", "Hiroki",
	"Ingrid", "Jun", "Kwame", "Laila", "Mehrnaz", "Noémie", "Olusegun", "Priya", "Quentin", "Reza",
	"Siobhán", "Tomás", "Ulrike", "Valentina", "Wen", "Ximena", "Yusuf", "Zhang", "Ange-Clément", "Marie-Ève",
}

var familyNames = []string{
	"Müller", "Søndergaard", "García-Márquez", "Nowak", "Dvořák", "Öztürk", "Ó Briain", "Lefèvre", "Åberg", "Łęcki",
	"Kovačević", "Nguyễn", "Papadopoulos", "Jolicoeur-Martineau", "D'Orazio", "Guille-Escuret", "Ferreira", "Côté", "Schäfer", "Þórsson",
	"Mitliagkas", "Naganuma", "Mofakhami", "Zantedeschi", "Kim", "Agarwala", "Beaglehole", "Vucetic", "Pezeshki", "Ahuja",
	"Tremblay", "Gagnon", "Roy", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet",
	"Smith", "Okafor", "Haddad", "Ivanova", "Yamamoto", "Chen", "Singh", "Rossi", "Fischer", "van der Berg",
}

var cities = []struct{ city, region, country string }{
	{"Montréal", "Québec", "CA"}, {"Québec", "Québec", "CA"}, {"Zürich", "Zürich", "CH"}, {"São Paulo", "São Paulo", "BR"},
	{"Kraków", "Lesser Poland", "PL"}, {"Göttingen", "Lower Saxony", "DE"}, {"Aarhus", "Central Denmark", "DK"},
	{"Málaga", "Andalusia", "ES"}, {"Reykjavík", "Capital Region", "IS"}, {"Toruń", "Kuyavia-Pomerania", "PL"},
	{"Liège", "Wallonia", "BE"}, {"Tromsø", "Troms", "NO"}, {"Plzeň", "Plzeň Region", "CZ"}, {"İzmir", "İzmir", "TR"},
}

var fields = []string{
	"Computer Science", "Mathematics", "Statistics", "Physics", "Biology", "Chemistry", "Linguistics",
	"Electrical Engineering", "Operations Research", "Neuroscience", "Economics", "Philosophy",
}

var topics = []string{
	"Deep Learning", "Distributed Systems", "Dynamical Systems", "Generative Models", "Machine Learning Theory",
	"Optimization", "Representation Learning", "Reinforcement Learning", "Natural Language Processing",
	"Computer Vision", "Causal Inference", "Bayesian Statistics", "Graph Neural Networks", "Robotics",
	"Computational Biology", "Quantum Computing", "Fairness", "Privacy", "Program Synthesis", "Game Theory",
}

var titleWords = []string{
	"Towards", "Understanding", "Scalable", "Robust", "Efficient", "Adaptive", "Provable", "Neural", "Stochastic",
	"Gradient", "Descent", "Variational", "Inference", "Learning", "Representations", "Dynamics", "Games",
	"Optimization", "Generalization", "Networks", "Transformers", "Diffusion", "Flows", "Kernels", "Geometry",
	"Sharpness", "Minima", "Alignment", "Features", "Attention", "Sparse", "Bandits", "Causal", "Markov",
}

var abstractWords = []string{
	"we", "propose", "a", "novel", "method", "for", "learning", "the", "of", "in", "and", "to", "with", "that",
	"model", "models", "data", "training", "results", "show", "our", "approach", "improves", "over", "prior",
	"work", "theoretical", "analysis", "empirical", "evaluation", "benchmark", "performance", "gradient",
	"convergence", "rate", "bound", "algorithm", "neural", "network", "loss", "function", "optimization",
	"stochastic", "variance", "bias", "generalization", "error", "sample", "complexity", "large-scale",
	"distribution", "shift", "robustness", "representation", "features", "kernel", "regime", "dynamics",
	"équilibre", "naïve", "rôle", "coöperation", "“quoted”", "state-of-the-art", "(see", "Appendix)", "≥", "λ",
}

var venues = []struct{ name, short, kind string }{
	{"International Conference on Machine Learning", "ICML", "conference"},
	{"Advances in Neural Information Processing Systems", "NeurIPS", "conference"},
	{"International Conference on Learning Representations", "ICLR", "conference"},
	{"Transactions on Machine Learning Research", "TMLR", "journal"},
	{"Journal of Machine Learning Research", "JMLR", "journal"},
	{"Workshop on Optimization for Machine Learning", "OPT", "workshop"},
	{"arXiv", "", "repository"},
}
