package arguments

// The built-in argument schemes, from D. Walton, C. Reed and F. Macagno,
// Argumentation Schemes (Cambridge University Press, 2008), chapter 9 ("A
// compendium of schemes"), with the critical questions in their wording,
// shortened where it names its variables. Each question's kind follows the
// Carneades reading (Gordon, Prakken & Walton 2007, "The Carneades model of
// argument and burden of proof", Artificial Intelligence 171, §4): a question
// that asks the proponent to make good a premise the scheme takes for granted
// is an assumption; one that points at a circumstance that would defeat the
// inference is an exception.
var builtinSchemes = []*Scheme{
	{
		Name:  "expert-opinion",
		Title: "Argument from expert opinion",
		Premises: []string{
			"Source E is an expert in subject domain S containing proposition A.",
			"E asserts that proposition A is true (false).",
		},
		Conclusion: "A is true (false).",
		Questions: []*CriticalQuestion{
			{ID: "expertise", Kind: Assumption, Text: "How credible is E as an expert source?"},
			{ID: "field", Kind: Assumption, Text: "Is E an expert in the field that A is in?"},
			{ID: "opinion", Kind: Assumption, Text: "What did E assert that implies A?"},
			{ID: "trustworthiness", Kind: Exception, Text: "Is E personally reliable as a source?"},
			{ID: "consistency", Kind: Exception, Text: "Is A consistent with what other experts assert?"},
			{ID: "backup-evidence", Kind: Assumption, Text: "Is E's assertion based on evidence?"},
		},
	},
	{
		Name:  "witness-testimony",
		Title: "Argument from witness testimony",
		Premises: []string{
			"Witness W is in a position to know whether A is true or not.",
			"W is telling the truth (as W knows it).",
			"W states that A is true (false).",
		},
		Conclusion: "A may be plausibly taken to be true (false).",
		Questions: []*CriticalQuestion{
			{ID: "internal-consistency", Kind: Exception, Text: "Is what the witness said internally consistent?"},
			{ID: "external-consistency", Kind: Exception, Text: "Is what the witness said consistent with the known facts of the case (based on evidence apart from what the witness testified to)?"},
			{ID: "consistent-witnesses", Kind: Exception, Text: "Is what the witness said consistent with what other witnesses have (independently) testified to?"},
			{ID: "bias", Kind: Exception, Text: "Is there some kind of bias that can be attributed to the account given by the witness?"},
			{ID: "plausibility", Kind: Assumption, Text: "How plausible is the statement A asserted by the witness?"},
		},
	},
	{
		Name:  "position-to-know",
		Title: "Argument from position to know",
		Premises: []string{
			"Source a is in a position to know about things in a certain subject domain S containing proposition A.",
			"a asserts that A is true (false).",
		},
		Conclusion: "A is true (false).",
		Questions: []*CriticalQuestion{
			{ID: "position", Kind: Assumption, Text: "Is a in a position to know whether A is true (false)?"},
			{ID: "honesty", Kind: Exception, Text: "Is a an honest (trustworthy, reliable) source?"},
			{ID: "assertion", Kind: Assumption, Text: "Did a assert that A is true (false)?"},
		},
	},
	{
		Name:  "analogy",
		Title: "Argument from analogy",
		Premises: []string{
			"Generally, case C1 is similar to case C2.",
			"A is true (false) in case C1.",
		},
		Conclusion: "A is true (false) in case C2.",
		Questions: []*CriticalQuestion{
			{ID: "dissimilarity", Kind: Exception, Text: "Are there differences between C1 and C2 that would tend to undermine the force of the similarity cited?"},
			{ID: "truth-in-c1", Kind: Assumption, Text: "Is A true (false) in C1?"},
			{ID: "counter-analogy", Kind: Exception, Text: "Is there some other case C3 that is also similar to C1, but in which A is false (true)?"},
		},
	},
	{
		Name:  "precedent",
		Title: "Argument from precedent",
		Premises: []string{
			"The existing rule says that for all x, if x has property F then x has property G.",
			"But in this legitimate case C, a has F but does not have G.",
		},
		Conclusion: "The existing rule must be changed, qualified or given up, or a new rule introduced, to accommodate C.",
		Questions: []*CriticalQuestion{
			{ID: "rule", Kind: Assumption, Text: "Does the existing rule really apply to C?"},
			{ID: "legitimate", Kind: Exception, Text: "Is C a legitimate case, or can it be explained away as not really in violation of the rule?"},
			{ID: "distinguished", Kind: Exception, Text: "Is C an already recognized type of exception that does not require any change in the rule?"},
		},
	},
	{
		Name:  "rule",
		Title: "Argument from an established rule",
		Premises: []string{
			"If carrying out types of actions including A is the established rule for x, then (unless the case is an exception) x must carry out A.",
			"Carrying out types of actions including A is the established rule for a.",
		},
		Conclusion: "a must carry out A.",
		Questions: []*CriticalQuestion{
			{ID: "rule-applies", Kind: Assumption, Text: "Does the rule require carrying out types of actions that include A as an instance?"},
			{ID: "other-rules", Kind: Exception, Text: "Are there other established rules that might conflict with, or override, this one?"},
			{ID: "exception", Kind: Exception, Text: "Is this case an exception, that is, could there be extenuating circumstances or an excuse for noncompliance?"},
		},
	},
	{
		Name:  "positive-consequences",
		Title: "Argument from positive consequences",
		Premises: []string{
			"If A is brought about, good consequences will plausibly occur.",
		},
		Conclusion: "A should be brought about.",
		Questions: []*CriticalQuestion{
			{ID: "likelihood", Kind: Assumption, Text: "How strong is the likelihood that the cited consequences will (may, must) occur?"},
			{ID: "evidence", Kind: Assumption, Text: "What evidence supports the claim that the cited consequences will (may, must) occur, and is it sufficient?"},
			{ID: "opposite-consequences", Kind: Exception, Text: "Are there consequences of the opposite value that ought to be taken into account?"},
		},
	},
	{
		Name:  "negative-consequences",
		Title: "Argument from negative consequences",
		Premises: []string{
			"If A is brought about, bad consequences will plausibly occur.",
		},
		Conclusion: "A should not be brought about.",
		Questions: []*CriticalQuestion{
			{ID: "likelihood", Kind: Assumption, Text: "How strong is the likelihood that the cited consequences will (may, must) occur?"},
			{ID: "evidence", Kind: Assumption, Text: "What evidence supports the claim that the cited consequences will (may, must) occur, and is it sufficient?"},
			{ID: "opposite-consequences", Kind: Exception, Text: "Are there consequences of the opposite value that ought to be taken into account?"},
		},
	},
	{
		Name:  "practical-reasoning",
		Title: "Practical reasoning",
		Premises: []string{
			"I (an agent) have a goal G.",
			"Carrying out this action A is a means to realize G.",
		},
		Conclusion: "I ought (practically speaking) to carry out this action A.",
		Questions: []*CriticalQuestion{
			{ID: "other-goals", Kind: Exception, Text: "What other goals that I have that might conflict with G should be considered?"},
			{ID: "alternatives", Kind: Exception, Text: "What alternative actions to my bringing about A that would also bring about G should be considered?"},
			{ID: "best-alternative", Kind: Assumption, Text: "Among bringing about A and these alternative actions, which is arguably the most efficient?"},
			{ID: "possible", Kind: Assumption, Text: "What grounds are there for arguing that it is practically possible for me to bring about A?"},
			{ID: "side-effects", Kind: Exception, Text: "What consequences of my bringing about A should also be taken into account?"},
		},
	},
}
