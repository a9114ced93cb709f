// Package bipolar turns an argument graph with support and attack edges (a bipolar
// argumentation framework, Cayrol & Lagasquie-Schiex 2005) into the attack relation that
// Dung's semantics (package semantics) evaluate. Dung's semantics know only attacks; what a
// support means is expressed by the attacks it gives rise to, the complex attacks of
// Cayrol & Lagasquie-Schiex (2013), which [Derive] adds to the direct ones. Which attacks
// arise depends on how a support is read, the [Mode].
//
// Below, "a ⇒ b" is a support edge from a to b and "a → b" an attack edge; "a ⇒+ b" is a
// path of one or more supports from a to b and "a ⇒* b" a path of zero or more (so a ⇒* a
// always holds, and a self-support changes nothing).
//
// # Supported and secondary attacks (the default)
//
// argmap's default, [SupportedSecondary], is the reading of Cayrol & Lagasquie-Schiex's
// bipolar argumentation frameworks (2005, 2010): a supported argument's attacks are its
// supporters' attacks too, and an attack on an argument is an attack on everything it
// supports. The attacks it gives rise to are
//
//   - supported attacks: a ⇒+ x and x → b give a → b. Whoever accepts a is committed
//     to x, which attacks b (Cayrol & Lagasquie-Schiex 2005, 2010);
//   - secondary attacks: a → x and x ⇒+ b give a → b. What b rests on is attacked
//     (Cayrol & Lagasquie-Schiex 2010);
//   - their composition: a ⇒+ x, x → y and y ⇒+ b give a → b.
//
// With the direct attacks, these are exactly the pairs with
//
//	a → b  iff  a ⇒* x, x → y and y ⇒* b for some x and y
//
// ("something a commits to attacks something that b rests on"). The relation is closed:
// deriving a supported or secondary attack from a derived attack gives one already in it.
// The composition is included for that reason.
//
// This pairing of the two kinds is not one of the specialised supports that Cayrol &
// Lagasquie-Schiex (2013) later tell apart: supported attacks belong to deductive
// support, secondary attacks to necessary support. It is the default because it matches
// how a debate is taught: evidence for a rejected conclusion is not rejected with it,
// while an attack on the evidence weakens the conclusion. argmap called it "deductive"
// before it offered [Deductive]; the name now belongs to the reading below.
//
// # Deductive support
//
// a ⇒ b read as a deductive support means: whoever accepts a must accept b, so whoever
// rejects b must reject a (Boella, Gabbay, van der Torre & Villata 2010; Cayrol &
// Lagasquie-Schiex 2013). The attacks it gives rise to, [Deductive], are
//
//   - supported attacks: a ⇒+ x and x → b give a → b, as above;
//   - mediated attacks: a → y and b ⇒+ y give a → b. Whoever accepts b is committed
//     to y, which a attacks (Boella et al. 2010);
//   - super-mediated attacks: a ⇒+ x, x → y and b ⇒+ y give a → b, a supported attack
//     on what b commits to (Cayrol & Lagasquie-Schiex 2013).
//
// With the direct attacks, these are exactly the pairs with
//
//	a → b  iff  a ⇒* x, x → y and b ⇒* y for some x and y
//
// ("something a commits to attacks something b commits to"), a closed relation. Unlike
// the default, an attack on a conclusion reaches the evidence for it: in the worked
// example below, whoever accepts the fentanyl crisis is committed to the strike, which
// Mexico's sovereignty attacks. Unlike the default too, an attack on evidence does not
// reach the conclusion it supports.
//
// # Necessary support
//
// a ⇒ b read as a necessary support means: b cannot be accepted without a (Nouioua &
// Risch 2010, 2011). Whoever accepts b must accept a, and whoever rejects a must reject b
// (the duality of Cayrol & Lagasquie-Schiex 2013). The attacks it gives rise to are
//
//   - secondary attacks: a → x and x ⇒+ b give a → b. b needs x, which a attacks
//     (Cayrol & Lagasquie-Schiex 2010; Nouioua & Risch 2010, 2011);
//   - extended attacks: x ⇒+ a and x → b give a → b. a needs x, which attacks b (the
//     name is that of Cayrol & Lagasquie-Schiex 2013, after Nouioua & Risch 2010, 2011);
//   - their composition: x ⇒+ a, x → y and y ⇒+ b give a → b, the dual of the
//     super-mediated attack.
//
// With the direct attacks, these are exactly the pairs with
//
//	a → b  iff  x ⇒* a, x → y and y ⇒* b for some x and y
//
// ("something a needs attacks something b needs"). The relation is closed: the
// composition is included because without it a secondary attack drawn from an extended
// one would be missing. Necessary support is deductive support turned around (a ⇒ b
// read as necessary is b ⇒ a read as deductive, the duality of Cayrol &
// Lagasquie-Schiex 2013): secondary attacks are the mediated ones, extended attacks the
// supported ones, read along the supports the other way. Necessary and
// SupportedSecondary share the secondary attacks; they differ in where an attack starts:
// under SupportedSecondary a supporter attacks what the argument it supports attacks,
// under Necessary an argument attacks what its supporters attack.
//
// # Undercut supports
//
// An undercut support a ⇒ b is an inference node i between its ends: a premise edge
// from a to i and a support i ⇒ b, and every undercut attacks i. In every mode but
// Ignore, an attack on a premise is an attack on its inference (the inference cannot
// stand without it), and a premise commits to nothing through its inference, nor needs
// it. So under SupportedSecondary and Necessary an attack on a reaches i and what i
// supports; under Deductive an attack on b reaches i (i commits to b) but not a, whose
// commitment to b lasts only as long as the inference stands.
//
// # Linked and convergent reasons
//
// A linked reason, members m1 … mk together supporting c, is an inference node i with a
// premise edge from each member and a support i ⇒ c ([graph.Graph.AddReason]). The premise
// rule above makes it hold only when every member holds: an attack on any member reaches
// i, in every mode but Ignore, and through i what i supports. A member commits to nothing
// through i, nor needs it; so under Deductive an attack on c reaches i (i commits to c)
// but no member: which member would fail the linked argument the attack does not say.
//
// The reasons of an argument c are the sources of the supports into it other than c
// itself: single supporters, linked reasons, the inferences of undercut supports. Two or
// more are convergent: c needs only one of them. Where a support means that c needs its
// source — the secondary attacks of SupportedSecondary, the secondary and extended
// attacks of Necessary — reading every support into c as needed would make each reason
// indispensable, as the frameworks with necessities of Nouioua & Risch read a set of
// necessary supports. A support from a set is read instead as a disjunction, the
// necessity relation over sets of Nouioua (2013), whose coherence asks that an accepted
// argument have at least one accepted argument in each set that it needs, and the
// evidential support of Oren & Norman (2008), where an argument is supported when any of
// its supporters is. [Convergent] expresses it in Dung's frameworks with the standard
// gadget of meta-argumentation (Boella, Gabbay, van der Torre & Villata 2009): an
// auxiliary node N_c, "no reason for c stands", which each reason of c attacks and which
// attacks c, and no secondary (under Necessary, nor extended) attack along the supports
// into c. N_c stands exactly when every reason of c is defeated, and then c falls; c falls
// with N_c's attack also what rests on c, along its supports. Nothing else attacks N_c:
// whoever supports a rejected reason of c gives c no reason (so under SupportedSecondary a
// supported attack does not reach N_c). Supported attacks (what commits to what) along
// the supports into c stay, as under Deductive every derived attack does: Deductive and
// Ignore need no gadget. An argument with one reason keeps the attacks above exactly, so
// that a map whose arguments each have at most one reason reads as it always did.
//
// # Undercut attacks
//
// An undercut of an attack a → b is an attack on an attack. The attack becomes an
// inference node i ([graph.Graph.AddAttackInference]) with a premise edge from a and an
// attack i → b, and every undercut attacks i. An attack on a reaches i in every mode,
// Ignore included, since the attack cannot stand without its source: this is AFRA's
// defeat of an attack by an attack on its source (Baroni, Cerutti, Giacomin & Guida
// 2011), and the reduction gives AFRA's extensions on the arguments (argmap's attacks
// are named by their ends, so an undercut reaches every attack between the two). The
// source commits to nothing through i: a supporter of a does not attack b through an
// attack that an undercut disputes.
//
// # Ignore
//
// Supports are dropped: the result is the direct attacks, and the attacks on the source
// of an undercut attack that reach its inference.
//
// # A worked example
//
// In the map of the 2025 debate on US drone strikes on Mexican cartels,
//
//	fentanyl ⇒ designation    (the fentanyl crisis supports designating the cartels)
//	designation ⇒ strike      (designating the cartels as terrorists supports a strike)
//	lethal_force ⇒ strike     (officials weighing lethal force supports a strike)
//	designation → sovereignty (designation overrides the sovereignty objection)
//	sovereignty → strike      (Mexico's sovereignty attacks a strike)
//	kingpin → lethal_force    (the Calderón "kingpin" precedent attacks lethal force)
//
// Ignore gives the three direct attacks. SupportedSecondary adds kingpin → strike, a
// secondary attack (the strike rests on lethal_force, which kingpin attacks), and
// fentanyl → sovereignty, a supported attack (whoever accepts fentanyl is committed to
// designation, which attacks sovereignty). Necessary adds the same secondary attack and
// strike → sovereignty, an extended attack (the strike needs designation, which attacks
// sovereignty). Deductive adds the same supported attack and three mediated ones,
// sovereignty → designation, sovereignty → fentanyl and sovereignty → lethal_force
// (each commits to the strike, which sovereignty attacks), but no attack on the strike.
//
// Under grounded semantics, designation, fentanyl and kingpin are accepted under
// SupportedSecondary and Necessary; the strike is accepted only under Ignore, where
// nothing reaches it once designation has defeated sovereignty: reading the supports,
// kingpin's attack on lethal force brings the strike down with it. Under Deductive only
// kingpin is accepted and lethal_force rejected: designation, fentanyl and sovereignty
// attack each other, grounded semantics takes no side, and the strike is undecided.
//
// # Cost
//
// [Derive] finds the strongly connected components of the support edges, so that a
// circle of supports is handled as one node, and walks their condensation once, building
// each component's row from the rows it depends on and a search along supports from the
// targets of its own attacks that stops at what the row already holds. A component that
// adds nothing to the largest row it depends on shares that row: a chain of supporters
// whose attacks all come from its end shares one list. With V arguments and E relations
// it takes O(V + E) time and memory plus, for each distinct row, its size (and a sort of
// it, when its nodes are spread out), the sizes of the distinct rows it depends on, and
// the support edges of the nodes new to it. The memory besides the input is V/8 bytes and
// the distinct rows.
//
// The result itself may be quadratic in V: a chain of n supports whose last argument
// attacks its first makes every argument attack every other, n² attacks from an input
// of size n. Derive therefore takes a bound on the attacks of the result
// ([DefaultMaxAttacks], 20 million, unless told otherwise) and returns a *[LimitError]
// past it, before it builds the result. It also stops after 16 steps for each allowed
// attack and each argument and relation of the graph, which a map whose supports are
// interwoven enough can need before its result grows past the bound, and when its
// context ends.
//
// # References
//
//   - C. Cayrol and M.-C. Lagasquie-Schiex. On the acceptability of arguments in bipolar
//     argumentation frameworks. ECSQARU 2005, LNCS 3571, pp. 378–389, Springer, 2005.
//   - C. Cayrol and M.-C. Lagasquie-Schiex. Coalitions of arguments: a tool for handling
//     bipolar argumentation frameworks. International Journal of Intelligent Systems
//     25(1):83–109, 2010.
//   - C. Cayrol and M.-C. Lagasquie-Schiex. Bipolarity in argumentation graphs: towards a
//     better understanding. International Journal of Approximate Reasoning 54(7):876–899,
//     2013.
//   - G. Boella, D. M. Gabbay, L. van der Torre and S. Villata. Support in abstract
//     argumentation. COMMA 2010, FAIA 216, pp. 111–122, IOS Press, 2010.
//   - F. Nouioua and V. Risch. Bipolar argumentation frameworks with specialized
//     supports. ICTAI 2010, pp. 215–218, IEEE, 2010.
//   - F. Nouioua and V. Risch. Argumentation frameworks with necessities. SUM 2011,
//     LNCS 6929, pp. 163–176, Springer, 2011.
//   - F. Nouioua. AFs with necessities: further semantics and labelling characterization.
//     SUM 2013, LNCS 8078, pp. 120–133, Springer, 2013.
//   - N. Oren and T. J. Norman. Semantics for evidence-based argumentation. COMMA 2008,
//     FAIA 172, pp. 276–284, IOS Press, 2008.
//   - G. Boella, D. M. Gabbay, L. van der Torre and S. Villata. Meta-argumentation
//     modelling I: methodology and techniques. Studia Logica 93:297–355, 2009.
//   - P. Baroni, F. Cerutti, M. Giacomin and G. Guida. AFRA: Argumentation framework with
//     recursive attacks. International Journal of Approximate Reasoning 52(1):19–37, 2011.
package bipolar
