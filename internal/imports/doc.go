// Package imports holds no code: its tests check the import rules of the
// module's layout, over the source tree, whatever the build tags.
package imports
