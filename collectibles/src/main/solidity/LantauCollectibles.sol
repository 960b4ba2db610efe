// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.37;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title Lantau collectibles exported to a public chain.
/// @notice The platform (the owner) mints an item when its holder withdraws it; the token id is the platform's item
///         id, so an item can never exist twice on chain (ERC721 refuses a second mint of the same id). A holder
///         brings an item back by transferring it to the platform's address, which the platform detects.
contract LantauCollectibles is ERC721, Ownable {
    string private baseUri;

    constructor(string memory name_, string memory symbol_, string memory baseUri_, address platform)
        ERC721(name_, symbol_)
        Ownable(platform)
    {
        baseUri = baseUri_;
    }

    /// @notice Mints item `tokenId` to `to`; only the platform may.
    function mint(address to, uint256 tokenId) external onlyOwner {
        _safeMint(to, tokenId);
    }

    /// @dev tokenURI(id) = baseUri + id: the platform serves the ERC-721 metadata JSON there.
    function _baseURI() internal view override returns (string memory) {
        return baseUri;
    }
}
