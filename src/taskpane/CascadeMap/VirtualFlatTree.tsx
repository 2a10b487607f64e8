import * as React from "react";
import {
  FlatTreeProps,
  ForwardRefComponent,
  renderFlatTree_unstable,
  useFlatTree_unstable,
  useFlatTreeContextValues_unstable,
  useFlatTreeStyles_unstable,
} from "@fluentui/react-components";
import { FixedSizeList, FixedSizeListProps } from "react-window";

export type VirtualFlatTreeProps = Omit<FlatTreeProps, "children"> & {
  /** The virtual list inside the tree: only the lines in view are in the page. */
  listProps: FixedSizeListProps & { ref?: React.Ref<FixedSizeList> };
};

/**
 * Fluent's FlatTree recomposed around react-window's FixedSizeList, as Fluent's "Virtualization" example of the
 * tree does (storybooks.fluentui.dev, Components/Tree/Virtualization): the tree's root, context and keyboard
 * navigation are Fluent's; its items are the list's lines. The list's scroller sits between the tree and its
 * items, so it takes role="none" (a tree owns its treeitems).
 */
export const VirtualFlatTree: ForwardRefComponent<VirtualFlatTreeProps> = React.forwardRef(
  (props, ref) => {
    const { listProps, ...treeProps } = props;
    const state = useFlatTree_unstable(treeProps, ref);
    useFlatTreeStyles_unstable(state);
    const contextValues = useFlatTreeContextValues_unstable(state);
    const scrollerRef = React.useCallback((element: HTMLElement | null) => {
      element?.setAttribute("role", "none");
    }, []);
    // The tree's root slot holds the list; Fluent renders the slot (its slots need Fluent's JSX runtime).
    state.root.children = <FixedSizeList outerRef={scrollerRef} {...listProps} />;
    return renderFlatTree_unstable(state, contextValues);
  }
);
VirtualFlatTree.displayName = "VirtualFlatTree";
