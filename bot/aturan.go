package bot

// aturan shows the policy in force.
func (c *conv) aturan() string {
	c.say(c.b.cfg.Policy.Describe())
	return "ok"
}

// muatUlang reloads the rule files; the old rules stay in force unless the
// new ones compile and pass their tests.
func (c *conv) muatUlang() string {
	text, ok := c.b.cfg.Policy.Reload(c.ctx)
	c.say(text)
	if !ok {
		return "reload-refused"
	}
	return "ok"
}
